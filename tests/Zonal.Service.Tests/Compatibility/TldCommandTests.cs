namespace Zonal.Service.Tests.Compatibility;

/// <summary>`openstack tld ...` from Debian's client against the running embedded default.</summary>
public sealed class TldCommandTests(ZonalProcess zonal) : IClassFixture<ZonalProcess>
{
    private readonly OpenStackCli _cli = new(zonal.Endpoint);

    [Fact]
    public async Task Tld_create_list_show_set_and_delete_work_through_the_openstack_client()
    {
        var created = (await _cli.RunAsync("tld", "create", "--name", "clitld", "--description", "from the cli", "-f", "json")).Json;
        Assert.Equal("clitld", created.Str("name"));
        Assert.Equal("from the cli", created.Str("description"));
        var id = created.Str("id");

        var listed = (await _cli.RunAsync("tld", "list", "-f", "json")).Json;
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).Str("id"));

        var shown = (await _cli.RunAsync("tld", "show", "clitld", "-f", "json")).Json;
        Assert.Equal(id, shown.Str("id"));

        var changed = (await _cli.RunAsync("tld", "set", "clitld", "--name", "clitld2", "--description", "changed", "-f", "json")).Json;
        Assert.Equal("clitld2", changed.Str("name"));
        Assert.Equal("changed", changed.Str("description"));

        var duplicate = await _cli.RunAsync("tld", "create", "--name", "clitld2", "-f", "json");
        Assert.True(duplicate.ExitCode != 0, duplicate.ToString());
        Assert.Contains("Duplicate Tld", duplicate.Stderr);

        var deleted = await _cli.RunAsync("tld", "delete", id);
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Equal(0, (await _cli.RunAsync("tld", "list", "-f", "json")).Json.GetArrayLength());
    }
}
