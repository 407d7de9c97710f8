using Zonal.Service.Tests.Infrastructure;
using Zonal.Service.Tests.Infrastructure.Keystone;

namespace Zonal.Service.Tests.Compatibility;

/// <summary>
/// The real `openstack` client with password auth: it logs in to Keystone, finds Zonal as the catalog's
/// dns endpoint and sends the user's token. Projects stay apart.
/// </summary>
public sealed class KeystoneCliTests(KeystoneApiHost host) : IClassFixture<KeystoneApiHost>
{
    [Fact]
    public async Task A_member_manages_zones_and_recordsets_of_their_project_and_no_other()
    {
        await host.Admin.RegisterDnsEndpointAsync(host.BaseAddress);
        var member = await host.Admin.CreateUserAsync("member");
        var stranger = await host.Admin.CreateUserAsync("member");
        var cli = OpenStackCli.WithPassword(host.Admin.AuthUrl, member.Name, member.Password, member.ProjectName);
        var strangerCli = OpenStackCli.WithPassword(host.Admin.AuthUrl, stranger.Name, stranger.Password, stranger.ProjectName);
        var api = host.WithToken(await host.Admin.TokenAsync(member));
        var zone = TestData.ZoneName();

        var created = (await cli.RunAsync("zone", "create", "--email", "hostmaster@example.org", zone, "-f", "json")).Json;
        var zoneId = created.Str("id");
        Assert.Equal(member.ProjectId, created.Str("project_id"));
        Assert.Contains((await cli.RunAsync("zone", "list", "-f", "json")).Json.EnumerateArray(), z => z.Str("id") == zoneId);

        var recordset = (await cli.RunAsync("recordset", "create", "--type", "A", "--record", "192.0.2.7", zone, "www", "-f", "json")).Json;
        var recordsetId = recordset.Str("id");
        var listed = (await cli.RunAsync("recordset", "list", zone, "--type", "A", "-f", "json")).Json;
        Assert.Equal(recordsetId, Assert.Single(listed.EnumerateArray()).Str("id"));

        Assert.DoesNotContain((await strangerCli.RunAsync("zone", "list", "-f", "json")).Json.EnumerateArray(), z => z.Str("id") == zoneId);
        var foreign = await strangerCli.RunAsync("zone", "show", zoneId, "-f", "json");
        Assert.True(foreign.ExitCode != 0, foreign.ToString());
        var foreignDelete = await strangerCli.RunAsync("zone", "delete", zoneId);
        Assert.True(foreignDelete.ExitCode != 0, foreignDelete.ToString());

        (await cli.RunAsync("recordset", "delete", zone, recordsetId, "-f", "json")).Json.ToString();
        await CliOutput.WaitUntilGoneAsync(api, $"/v2/zones/{zoneId}/recordsets/{recordsetId}");
        Assert.Equal("DELETE", (await cli.RunAsync("zone", "delete", zoneId, "-f", "json")).Json.Str("action"));
        await CliOutput.WaitUntilGoneAsync(api, $"/v2/zones/{zoneId}");
    }
}
