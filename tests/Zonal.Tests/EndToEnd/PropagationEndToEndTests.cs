using Zonal.Tests.Backends;
using Zonal.Tests.Oracle;
using Zonal.Tests.Servers;

namespace Zonal.Tests.EndToEnd;

/// <summary>
/// A change made through the API reaches real BIND9 targets through the worker, the bind9 backend
/// and MiniDNS (NOTIFY, AXFR/IXFR, serial polls), and the zone's status follows what they serve.
/// </summary>
public sealed class PropagationEndToEndTests
{
    private static string DigShort(NamedTarget target, string name, string type) =>
        ProcessRunner.Run(BindTools.Dig, ["@127.0.0.1", "-p", target.Port.ToString(), "+short", "+norec", name, type], TimeSpan.FromSeconds(30)).StandardOutput.Trim();

    [Fact]
    public async Task Create_update_and_delete_through_the_api_are_served_by_a_bind9_target_and_the_zone_turns_active_each_time()
    {
        using var named = NamedTarget.Start();
        await using var host = await PropagationHost.StartAsync(mdns => PropagationHost.DefaultPool(mdns, named));
        var name = PropagationHost.NewZoneName();

        var created = await host.SendAsync(HttpMethod.Post, "/v2/zones", PropagationHost.Zone(name));
        var id = PropagationHost.Str(created, "id");
        var set = await host.SendAsync(HttpMethod.Post, $"/v2/zones/{id}/recordsets", PropagationHost.RecordSet("www." + name, "A", "192.0.2.10"));
        var active = (await host.WaitForZoneAsync(id, "ACTIVE", () => named.Log))!;
        await SecondaryZone.EventuallyAsync(() => DigShort(named, "www." + name, "A") == "192.0.2.10", "the record at named", () => named.Log);

        await host.SendAsync(HttpMethod.Put, $"/v2/zones/{id}/recordsets/{PropagationHost.Str(set, "id")}",
            new System.Text.Json.Nodes.JsonObject { ["records"] = new System.Text.Json.Nodes.JsonArray("192.0.2.20") });
        var updated = (await host.WaitForZoneAsync(id, "ACTIVE", () => named.Log))!;
        Assert.True(PropagationHost.Serial(updated) > PropagationHost.Serial(active));
        Assert.Equal("192.0.2.20", DigShort(named, "www." + name, "A"));
        Assert.Equal(PropagationHost.Serial(updated).ToString(), DigShort(named, name, "SOA").Split(' ')[2]);

        await host.SendAsync(HttpMethod.Delete, $"/v2/zones/{id}");
        await host.WaitForZoneAsync(id, null, () => named.Log);
        Assert.False(SoaProbe.Answers(named.EndPoint, name, TimeSpan.FromSeconds(1)), "named still serves the deleted zone");
    }

    [Fact]
    public async Task With_threshold_100_a_stopped_target_of_two_keeps_the_zone_pending_then_error_and_recovery_makes_it_active_when_it_is_back()
    {
        using var first = NamedTarget.Start();
        using var second = NamedTarget.Start();
        await using var host = await PropagationHost.StartAsync(mdns => PropagationHost.DefaultPool(mdns, first, second));
        second.Stop();
        var name = PropagationHost.NewZoneName();

        var created = await host.SendAsync(HttpMethod.Post, "/v2/zones", PropagationHost.Zone(name));
        Assert.Equal("PENDING", PropagationHost.Str(created, "status"));
        var id = PropagationHost.Str(created, "id");
        await host.WaitForZoneAsync(id, "ERROR", () => first.Log);
        Assert.True(SoaProbe.Answers(first.EndPoint, name, TimeSpan.FromSeconds(1)), "the running target should hold the zone");

        second.Resume();
        await host.WaitForZoneAsync(id, "ACTIVE", () => second.Log, TimeSpan.FromSeconds(60));
        Assert.True(SoaProbe.Answers(second.EndPoint, name, TimeSpan.FromSeconds(1)), "the target back up should serve the zone");
    }
}
