using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Zonal.Configuration;
using Zonal.Tests.Backends;
using Zonal.Tests.Oracle;
using Zonal.Tests.Servers;

namespace Zonal.Tests.EndToEnd;

/// <summary>
/// pool_move between two pools, each with its own BIND9 named target, loaded with pool-update: the
/// zone is created on the new pool's named (which transfers with the new pool's POOL key) and
/// deleted from the old pool's, and turns ACTIVE only then.
/// </summary>
public sealed class PoolMoveEndToEndTests
{
    private static readonly Guid PoolB = Guid.NewGuid();

    private static ProcessResult Dig(NamedTarget server, params string[] arguments) =>
        ProcessRunner.Run(BindTools.Dig, ["@127.0.0.1", "-p", server.Port.ToString(), "+norec", .. arguments], TimeSpan.FromSeconds(30));

    private static string[] NsRecords(NamedTarget server, string zone) =>
        Dig(server, "+short", zone, "NS").StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order().ToArray();

    private static bool Holds(NamedTarget server, string zone) =>
        ProcessRunner.Run(BindTools.Rndc, ["-k", server.KeyFile, "-s", "127.0.0.1", "-p", server.ControlPort.ToString(), "showzone", zone.TrimEnd('.')], TimeSpan.FromSeconds(10)).Succeeded;

    [Fact]
    public async Task A_zone_moved_from_pool_a_to_pool_b_is_served_by_b_with_b_ns_records_and_dropped_by_a()
    {
        var keyName = $"pool-b-{Guid.NewGuid():N}"[..16];
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        using var namedA = NamedTarget.Start();
        // Pool B is not the default pool: MiniDNS shows its zones only to transfers signed with its POOL key.
        using var namedB = NamedTarget.Start($$"""
            key "{{keyName}}" { algorithm hmac-sha256; secret "{{secret}}"; };
            server 127.0.0.1 { keys { "{{keyName}}"; }; };
            """);
        await using var host = await PropagationHost.StartAsync();
        await host.LoadPoolsFileAsync(
            PoolsYaml.Pool(Guid.Parse(PoolOptions.DefaultPoolId), "default", ["ns1.pool-a.example.net."], host.MiniDns, namedA)
            + PoolsYaml.Pool(PoolB, "pool-b", ["ns1.pool-b.example.net.", "ns2.pool-b.example.net."], host.MiniDns, namedB));
        await host.SendAsync(HttpMethod.Post, "/v2/tsigkeys", new JsonObject
        {
            ["name"] = keyName,
            ["algorithm"] = "hmac-sha256",
            ["secret"] = secret,
            ["scope"] = "POOL",
            ["resource_id"] = PoolB.ToString(),
        });
        var name = PropagationHost.NewZoneName();
        string Logs() => $"--- pool A named:\n{namedA.Log}\n--- pool B named:\n{namedB.Log}";

        var id = PropagationHost.Str(await host.SendAsync(HttpMethod.Post, "/v2/zones", PropagationHost.Zone(name)), "id");
        await host.SendAsync(HttpMethod.Post, $"/v2/zones/{id}/recordsets", PropagationHost.RecordSet("www." + name, "A", "192.0.2.10"));
        await host.WaitForZoneAsync(id, "ACTIVE", Logs);
        await SecondaryZone.EventuallyAsync(() => Dig(namedA, "+short", "www." + name, "A").StandardOutput.Trim() == "192.0.2.10", "the record at pool A", Logs);
        Assert.Equal(["ns1.pool-a.example.net."], NsRecords(namedA, name));
        Assert.False(Holds(namedB, name), "pool B's named holds the zone before the move");

        await host.SendAsync(HttpMethod.Post, $"/v2/zones/{id}/tasks/pool_move", new JsonObject { ["pool_id"] = PoolB.ToString() });
        var moved = (await host.WaitForZoneAsync(id, "ACTIVE", Logs, TimeSpan.FromSeconds(60)))!;

        Assert.Equal(PoolB.ToString(), PropagationHost.Str(moved, "pool_id"));
        Assert.Equal(["ns1.pool-b.example.net.", "ns2.pool-b.example.net."], NsRecords(namedB, name));
        Assert.Equal("192.0.2.10", Dig(namedB, "+short", "www." + name, "A").StandardOutput.Trim());
        Assert.Equal(PropagationHost.Serial(moved).ToString(), Dig(namedB, "+short", name, "SOA").StandardOutput.Trim().Split(' ')[2]);
        Assert.False(Holds(namedA, name), "pool A's named still holds the zone after the move\n" + Logs());
        Assert.Contains("status: REFUSED", Dig(namedA, name, "SOA").StandardOutput);
    }
}
