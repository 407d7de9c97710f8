using System.Net;
using Zonal.Tests.Backends;
using Zonal.Tests.Oracle;
using Zonal.Tests.Servers;

namespace Zonal.Tests.EndToEnd;

/// <summary>
/// A change made through the API reaches real nameservers (BIND9, PowerDNS, Knot, NSD) through the
/// worker, their backend and MiniDNS (NOTIFY, AXFR/IXFR, serial polls), and the zone's status follows what they serve.
/// </summary>
public sealed class PropagationEndToEndTests
{
    public static TheoryData<string> TargetKinds => new() { "bind9", "pdns4", "knot", "nsd" };

    private static string DigShort(ITargetServer target, string name, string type) =>
        ProcessRunner.Run(BindTools.Dig, ["@127.0.0.1", "-p", target.EndPoint.Port.ToString(), "+short", "+norec", name, type], TimeSpan.FromSeconds(30)).StandardOutput.Trim();

    /// <summary>A real daemon of this kind, empty, ready for its backend; NSD's pattern names MiniDNS as its master.</summary>
    private static ITargetServer StartTarget(string kind, IPEndPoint miniDns) => kind switch
    {
        "bind9" => NamedTarget.Start(),
        "pdns4" => PdnsServer.Start(),
        "knot" => KnotServer.Start(),
        "nsd" => NsdServer.Start(miniDns.Port),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such target kind"),
    };

    [Theory]
    [MemberData(nameof(TargetKinds))]
    public async Task Create_update_and_delete_through_the_api_are_served_by_the_target_and_the_zone_turns_active_each_time(string kind)
    {
        await using var host = await PropagationHost.StartAsync();
        using var server = StartTarget(kind, host.MiniDns);
        await host.UseTargetsAsync(server);
        var name = PropagationHost.NewZoneName();

        var created = await host.SendAsync(HttpMethod.Post, "/v2/zones", PropagationHost.Zone(name));
        var id = PropagationHost.Str(created, "id");
        var set = await host.SendAsync(HttpMethod.Post, $"/v2/zones/{id}/recordsets", PropagationHost.RecordSet("www." + name, "A", "192.0.2.10"));
        var active = (await host.WaitForZoneAsync(id, "ACTIVE", () => server.Log))!;
        await SecondaryZone.EventuallyAsync(() => DigShort(server, "www." + name, "A") == "192.0.2.10", "the record at the server", () => server.Log);

        await host.SendAsync(HttpMethod.Put, $"/v2/zones/{id}/recordsets/{PropagationHost.Str(set, "id")}",
            new System.Text.Json.Nodes.JsonObject { ["records"] = new System.Text.Json.Nodes.JsonArray("192.0.2.20") });
        var updated = (await host.WaitForZoneAsync(id, "ACTIVE", () => server.Log))!;
        Assert.True(PropagationHost.Serial(updated) > PropagationHost.Serial(active));
        Assert.Equal("192.0.2.20", DigShort(server, "www." + name, "A"));
        Assert.Equal(PropagationHost.Serial(updated).ToString(), DigShort(server, name, "SOA").Split(' ')[2]);

        await host.SendAsync(HttpMethod.Delete, $"/v2/zones/{id}");
        await host.WaitForZoneAsync(id, null, () => server.Log);
        Assert.False(SoaProbe.Answers(server.EndPoint, name, TimeSpan.FromSeconds(1)), "the server still serves the deleted zone");
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
