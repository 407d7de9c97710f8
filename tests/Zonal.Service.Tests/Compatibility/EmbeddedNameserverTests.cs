using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Compatibility;

/// <summary>
/// The embedded default with no BIND: zones made with the real openstack client reach the builtin
/// nameserver through the worker and MiniDNS, and `dig` at it sees each change once the API says ACTIVE.
/// </summary>
public sealed class EmbeddedNameserverTests(ZonalProcess zonal) : IClassFixture<ZonalProcess>
{
    private readonly OpenStackCli _cli = new(zonal.Endpoint);

    [Fact]
    public async Task Zone_and_record_made_with_the_client_are_served_by_the_builtin_nameserver_until_deleted()
    {
        var zone = TestData.ZoneName();
        var www = "www." + zone;
        var zoneId = (await _cli.RunAsync("zone", "create", "--email", "hostmaster@example.org", zone, "-f", "json")).Json.Str("id");
        var recordId = (await _cli.RunAsync("recordset", "create", "--type", "A", "--record", "192.0.2.10", zone, "www", "-f", "json")).Json.Str("id");

        await WaitForActiveAsync($"/v2/zones/{zoneId}/recordsets/{recordId}");
        await WaitForActiveAsync($"/v2/zones/{zoneId}");
        var served = await Dig.QueryAsync(zonal.NameserverPort, www, "A");
        Assert.True(served is { Status: "NOERROR", Authoritative: true }, served.Output);
        Assert.Equal(["192.0.2.10"], served.Answers);

        Assert.Equal(0, (await _cli.RunAsync("recordset", "set", "--record", "192.0.2.11", zone, www, "-f", "json")).ExitCode);
        await WaitForActiveAsync($"/v2/zones/{zoneId}/recordsets/{recordId}");
        var updated = await Dig.QueryAsync(zonal.NameserverPort, www, "A");
        Assert.True(updated is { Status: "NOERROR", Authoritative: true }, updated.Output);
        Assert.Equal(["192.0.2.11"], updated.Answers);

        Assert.Equal(0, (await _cli.RunAsync("zone", "delete", zone, "-f", "json")).ExitCode);
        await CliOutput.WaitUntilGoneAsync(zonal.Client, $"/v2/zones/{zoneId}");
        var gone = await Dig.QueryAsync(zonal.NameserverPort, www, "A");
        Assert.True(gone.Status == "REFUSED", gone.Output);
    }

    private async Task WaitForActiveAsync(string path)
    {
        var response = await TestData.WaitForStatusAsync(zonal.Client, path, "ACTIVE");
        Assert.True(response.Str("status") == "ACTIVE", response.ToString());
    }
}
