namespace Zonal.Service.Tests.Compatibility;

/// <summary>`openstack tsigkey ...` from Debian's client against the running embedded default.</summary>
public sealed class TsigKeyCommandTests(ZonalProcess zonal) : IClassFixture<ZonalProcess>
{
    private const string DefaultPool = "794ccc2c-d751-44fe-b57f-8894c9f5c842";
    private readonly OpenStackCli _cli = new(zonal.Endpoint);

    [Fact]
    public async Task Tsigkey_create_list_show_set_and_delete_work_through_the_openstack_client()
    {
        var created = (await _cli.RunAsync("tsigkey", "create", "--name", "cli-key", "--algorithm", "hmac-sha256",
            "--secret", "c2VjcmV0", "--scope", "POOL", "--resource-id", DefaultPool, "-f", "json")).Json;
        Assert.Equal("cli-key", created.Str("name"));
        Assert.Equal("hmac-sha256", created.Str("algorithm"));
        Assert.Equal("c2VjcmV0", created.Str("secret"));
        Assert.Equal("POOL", created.Str("scope"));
        Assert.Equal(DefaultPool, created.Str("resource_id"));
        var id = created.Str("id");

        var listed = (await _cli.RunAsync("tsigkey", "list", "-f", "json")).Json;
        Assert.Equal("cli-key", Assert.Single(listed.EnumerateArray(), k => k.Str("id") == id).Str("name"));

        var shown = (await _cli.RunAsync("tsigkey", "show", "cli-key", "-f", "json")).Json;
        Assert.Equal(id, shown.Str("id"));

        var changed = (await _cli.RunAsync("tsigkey", "set", "cli-key", "--name", "cli-key2", "--algorithm", "hmac-sha512",
            "--secret", "bmV3", "-f", "json")).Json;
        Assert.Equal("cli-key2", changed.Str("name"));
        Assert.Equal("hmac-sha512", changed.Str("algorithm"));
        Assert.Equal("bmV3", changed.Str("secret"));

        var badAlgorithm = await _cli.RunAsync("tsigkey", "create", "--name", "bad", "--algorithm", "md4",
            "--secret", "c2VjcmV0", "--scope", "POOL", "--resource-id", DefaultPool, "-f", "json");
        Assert.True(badAlgorithm.ExitCode != 0, badAlgorithm.ToString());
        Assert.Contains("Provided object does not match schema", badAlgorithm.Stderr);

        var deleted = await _cli.RunAsync("tsigkey", "delete", id);
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        var gone = await _cli.RunAsync("tsigkey", "show", id, "-f", "json");
        Assert.True(gone.ExitCode != 0, gone.ToString());
    }
}
