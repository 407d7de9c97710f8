using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Compatibility;

/// <summary>`openstack zone ...` from Debian's client against the running embedded default.</summary>
public sealed class ZoneCommandTests(ZonalProcess zonal) : IClassFixture<ZonalProcess>
{
    private readonly OpenStackCli _cli = new(zonal.Endpoint);

    [Fact]
    public async Task Zone_create_list_show_set_and_delete_work_through_the_openstack_client()
    {
        var name = TestData.ZoneName();
        var created = (await _cli.RunAsync("zone", "create", "--email", "hostmaster@example.org", "--ttl", "7200",
            "--description", "made by the cli", name, "-f", "json")).Json;
        Assert.Equal(name, created.Str("name"));
        Assert.Equal("hostmaster@example.org", created.Str("email"));
        Assert.Equal(7200, created.GetProperty("ttl").GetInt32());
        Assert.Equal("made by the cli", created.Str("description"));
        Assert.Equal("PRIMARY", created.Str("type"));
        Assert.Equal("CREATE", created.Str("action"));
        var id = created.Str("id");
        Assert.True(Guid.TryParse(id, out _), id);

        var listed = (await _cli.RunAsync("zone", "list", "-f", "json")).Json;
        var row = Assert.Single(listed.EnumerateArray(), z => z.Str("name") == name);
        Assert.Equal(id, row.Str("id"));

        var shown = (await _cli.RunAsync("zone", "show", name, "-f", "json")).Json;
        Assert.Equal(id, shown.Str("id"));
        Assert.Equal("hostmaster@example.org", shown.Str("email"));

        var changed = (await _cli.RunAsync("zone", "set", "--email", "dns@example.org", "--ttl", "600",
            "--description", "changed by the cli", name, "-f", "json")).Json;
        Assert.Equal(id, changed.Str("id"));
        Assert.Equal("dns@example.org", changed.Str("email"));
        Assert.Equal(600, changed.GetProperty("ttl").GetInt32());
        Assert.Equal("changed by the cli", changed.Str("description"));
        Assert.True(changed.GetProperty("serial").GetInt64() > created.GetProperty("serial").GetInt64(), changed.ToString());

        var deleted = (await _cli.RunAsync("zone", "delete", id, "-f", "json")).Json;
        Assert.Equal(id, deleted.Str("id"));
        Assert.Equal("DELETE", deleted.Str("action"));
        await CliOutput.WaitUntilGoneAsync(zonal.Client, $"/v2/zones/{id}");

        var gone = await _cli.RunAsync("zone", "show", id, "-f", "json");
        Assert.True(gone.ExitCode != 0, gone.ToString());
    }

    [Fact]
    public async Task An_invalid_zone_name_fails_the_command_with_designates_message()
    {
        var result = await _cli.RunAsync("zone", "create", "--email", "hostmaster@example.org", "bad_name..example.", "-f", "json");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("Provided object does not match schema", result.Stderr);
    }
}
