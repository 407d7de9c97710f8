using Zonal.Central;
using Zonal.Tests.Backends;
using Zonal.Tests.Oracle;
using Zonal.Tests.Servers;

namespace Zonal.Tests.EndToEnd;

/// <summary>
/// A pool with a catalog zone (RFC 9432) and a real named configured with <c>catalog-zones</c>: a zone made
/// through the API reaches named through the catalog alone (no rndc addzone), and leaves it the same way.
/// </summary>
public sealed class CatalogZoneEndToEndTests
{
    [Fact]
    public async Task A_zone_created_and_deleted_through_the_api_comes_and_goes_on_named_through_the_catalog()
    {
        await using var host = await PropagationHost.StartAsync();
        var catalog = "catalog-" + Guid.NewGuid().ToString("N")[..8] + ".test.";
        var miniDns = $"127.0.0.1 port {host.MiniDns.Port}";
        using var named = NamedTarget.Start(
            extraConfiguration: $$"""zone "{{catalog}}" { type secondary; file "catalog.db"; masters { {{miniDns}}; }; };""",
            extraOptions: NamedTarget.FastRefresh + $$"""catalog-zones { zone "{{catalog}}" default-masters { {{miniDns}}; } in-memory yes min-update-interval 0; };""");
        await host.LoadPoolAsync(PropagationHost.DefaultPool(host.MiniDns, named) with { CatalogZone = new PoolCatalogZone(catalog, 60) });
        var name = PropagationHost.NewZoneName();

        var created = await host.SendAsync(HttpMethod.Post, "/v2/zones", PropagationHost.Zone(name));
        var id = PropagationHost.Str(created, "id");
        await host.SendAsync(HttpMethod.Post, $"/v2/zones/{id}/recordsets", PropagationHost.RecordSet("www." + name, "A", "192.0.2.10"));
        await host.WaitForZoneAsync(id, "ACTIVE", () => named.Log);
        await SecondaryZone.EventuallyAsync(() => Dig(named, "www." + name, "A") == "192.0.2.10", "the record at named", () => named.Log);

        // named learnt the zone from the catalog, not from the backend's rndc addzone.
        Assert.Contains($"catz: adding zone '{name.TrimEnd('.')}'", named.Log);
        Assert.DoesNotContain("received control channel command 'addzone", named.Log);

        await host.SendAsync(HttpMethod.Delete, $"/v2/zones/{id}");
        await host.WaitForZoneAsync(id, null, () => named.Log);
        Assert.False(SoaProbe.Answers(named.EndPoint, name, TimeSpan.FromSeconds(1)), "named still serves the deleted zone\n" + named.Log);
        Assert.Contains($"catz: deleting zone '{name.TrimEnd('.')}'", named.Log);
    }

    private static string Dig(NamedTarget named, string name, string type) =>
        ProcessRunner.Run(BindTools.Dig, ["@127.0.0.1", "-p", named.Port.ToString(), "+short", "+norec", name, type], TimeSpan.FromSeconds(30)).StandardOutput.Trim();
}
