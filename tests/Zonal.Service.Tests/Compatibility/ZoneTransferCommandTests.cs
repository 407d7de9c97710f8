using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Compatibility;

/// <summary>
/// `openstack zone transfer request|accept ...` from Debian's client against the running embedded
/// default. The receiving project is reached with --sudo-project-id, as noauth callers are admins.
/// </summary>
public sealed class ZoneTransferCommandTests(ZonalProcess zonal) : IClassFixture<ZonalProcess>
{
    private readonly OpenStackCli _cli = new(zonal.Endpoint);

    [Fact]
    public async Task Transfer_request_create_list_show_set_and_accept_work_through_the_openstack_client()
    {
        var (zoneId, zone) = await TestData.CreateZoneAsync(zonal.Client);
        var receiver = Projects.New("receiver");

        var created = (await _cli.RunAsync("zone", "transfer", "request", "create", "--target-project-id", receiver,
            "--description", "from the cli", zone, "-f", "json")).Json;
        Assert.Equal(zoneId, created.Str("zone_id"));
        Assert.Equal(zone, created.Str("zone_name"));
        Assert.Equal(receiver, created.Str("target_project_id"));
        Assert.Equal("from the cli", created.Str("description"));
        Assert.Equal("ACTIVE", created.Str("status"));
        Assert.Matches("^[A-Z0-9]{8}$", created.Str("key"));
        var id = created.Str("id");

        var listed = (await _cli.RunAsync("zone", "transfer", "request", "list", "-f", "json")).Json;
        var row = Assert.Single(listed.EnumerateArray(), r => r.Str("id") == id);
        Assert.Equal(created.Str("key"), row.Str("key"));
        Assert.Equal(zone, row.Str("zone_name"));

        var shown = (await _cli.RunAsync("zone", "transfer", "request", "show", id, "-f", "json")).Json;
        Assert.Equal(receiver, shown.Str("target_project_id"));

        var changed = (await _cli.RunAsync("zone", "transfer", "request", "set", "--description", "changed", id, "-f", "json")).Json;
        Assert.Equal("changed", changed.Str("description"));
        Assert.Equal(id, changed.Str("id"));

        var accepted = (await _cli.RunAsync("zone", "transfer", "accept", "request", "--transfer-id", id, "--key", created.Str("key"),
            "--sudo-project-id", receiver, "-f", "json")).Json;
        Assert.Equal("COMPLETE", accepted.Str("status"));
        Assert.Equal(zoneId, accepted.Str("zone_id"));
        Assert.Equal(receiver, accepted.Str("project_id"));
        var acceptId = accepted.Str("id");

        // Accepts belong to the accepting project (Designate scopes them so): the admin asks as it.
        var accepts = (await _cli.RunAsync("zone", "transfer", "accept", "list", "--sudo-project-id", receiver, "-f", "json")).Json;
        Assert.Equal(id, Assert.Single(accepts.EnumerateArray(), a => a.Str("id") == acceptId).Str("zone_transfer_request_id"));
        var acceptShown = (await _cli.RunAsync("zone", "transfer", "accept", "show", acceptId, "--sudo-project-id", receiver, "-f", "json")).Json;
        Assert.Equal("COMPLETE", acceptShown.Str("status"));
        Assert.Equal(receiver, acceptShown.Str("project_id"));

        var moved = (await _cli.RunAsync("zone", "show", zoneId, "--sudo-project-id", receiver, "-f", "json")).Json;
        Assert.Equal(receiver, moved.Str("project_id"));
    }

    [Fact]
    public async Task Transfer_request_delete_and_a_wrong_key_work_through_the_openstack_client()
    {
        var (_, zone) = await TestData.CreateZoneAsync(zonal.Client);
        var created = (await _cli.RunAsync("zone", "transfer", "request", "create", zone, "-f", "json")).Json;
        var id = created.Str("id");

        var wrongKey = await _cli.RunAsync("zone", "transfer", "accept", "request", "--transfer-id", id, "--key", "WRONGKEY",
            "--sudo-project-id", Projects.New("thief"), "-f", "json");
        Assert.True(wrongKey.ExitCode != 0, wrongKey.ToString());
        Assert.Contains("Key does not match", wrongKey.Stderr);

        var deleted = await _cli.RunAsync("zone", "transfer", "request", "delete", id);
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        var gone = await _cli.RunAsync("zone", "transfer", "request", "show", id, "-f", "json");
        Assert.True(gone.ExitCode != 0, gone.ToString());
        Assert.Contains("Could not find ZoneTransferRequest", gone.Stderr);
    }
}
