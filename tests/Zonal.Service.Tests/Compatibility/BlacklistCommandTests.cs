using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Compatibility;

/// <summary>`openstack zone blacklist ...` from Debian's client against the running embedded default.</summary>
public sealed class BlacklistCommandTests(ZonalProcess zonal) : IClassFixture<ZonalProcess>
{
    private readonly OpenStackCli _cli = new(zonal.Endpoint);

    [Fact]
    public async Task Blacklist_create_list_show_set_and_delete_work_through_the_openstack_client()
    {
        var created = (await _cli.RunAsync("zone", "blacklist", "create", "--pattern", @"^blocked\.test\.$",
            "--description", "from the cli", "-f", "json")).Json;
        Assert.Equal(@"^blocked\.test\.$", created.Str("pattern"));
        Assert.Equal("from the cli", created.Str("description"));
        var id = created.Str("id");

        var listed = (await _cli.RunAsync("zone", "blacklist", "list", "-f", "json")).Json;
        Assert.Equal(@"^blocked\.test\.$", Assert.Single(listed.EnumerateArray(), b => b.Str("id") == id).Str("pattern"));

        var shown = (await _cli.RunAsync("zone", "blacklist", "show", id, "-f", "json")).Json;
        Assert.Equal("from the cli", shown.Str("description"));

        var changed = (await _cli.RunAsync("zone", "blacklist", "set", id, "--pattern", @"^barred\.test\.$",
            "--description", "changed", "-f", "json")).Json;
        Assert.Equal(@"^barred\.test\.$", changed.Str("pattern"));
        Assert.Equal("changed", changed.Str("description"));

        // The pattern binds non-admins only; noauth callers are admins, so one acting as a member is refused.
        var blocked = await new ApiClient(zonal.Address, Projects.New("member"), "member").PostAsync("/v2/zones", TestData.ZoneBody("barred.test."));
        Assert.True(blocked.Code == 400, blocked.ToString());
        Assert.Equal("invalid_zone_name", blocked.Str("type"));

        var deleted = await _cli.RunAsync("zone", "blacklist", "delete", id);
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        var gone = await _cli.RunAsync("zone", "blacklist", "show", id, "-f", "json");
        Assert.True(gone.ExitCode != 0, gone.ToString());
        Assert.Contains("Could not find Blacklist", gone.Stderr);
    }
}
