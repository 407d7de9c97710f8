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

    /// <summary>Two named, pool A (the default) and pool B with its POOL key, loaded with pool-update, and a zone ACTIVE in pool A.</summary>
    private sealed class TwoPools : IAsyncDisposable
    {
        public NamedTarget A { get; } = NamedTarget.Start();

        public NamedTarget B { get; private set; } = null!;

        public PropagationHost Host { get; private set; } = null!;

        public string Name { get; } = PropagationHost.NewZoneName();

        public string ZoneId { get; private set; } = "";

        public string Logs() => $"--- pool A named:\n{A.Log}\n--- pool B named:\n{B.Log}";

        public static async Task<TwoPools> StartAsync()
        {
            var pools = new TwoPools();
            var keyName = $"pool-b-{Guid.NewGuid():N}"[..16];
            var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            // Pool B is not the default pool: MiniDNS shows its zones only to transfers signed with its POOL key.
            pools.B = NamedTarget.Start($$"""
                key "{{keyName}}" { algorithm hmac-sha256; secret "{{secret}}"; };
                server 127.0.0.1 { keys { "{{keyName}}"; }; };
                """);
            var host = pools.Host = await PropagationHost.StartAsync();
            await host.LoadPoolsFileAsync(
                PoolsYaml.Pool(Guid.Parse(PoolOptions.DefaultPoolId), "default", ["ns1.pool-a.example.net."], host.MiniDns, pools.A)
                + PoolsYaml.Pool(PoolB, "pool-b", ["ns1.pool-b.example.net.", "ns2.pool-b.example.net."], host.MiniDns, pools.B));
            await host.SendAsync(HttpMethod.Post, "/v2/tsigkeys", new JsonObject
            {
                ["name"] = keyName,
                ["algorithm"] = "hmac-sha256",
                ["secret"] = secret,
                ["scope"] = "POOL",
                ["resource_id"] = PoolB.ToString(),
            });

            pools.ZoneId = PropagationHost.Str(await host.SendAsync(HttpMethod.Post, "/v2/zones", PropagationHost.Zone(pools.Name)), "id");
            await host.SendAsync(HttpMethod.Post, $"/v2/zones/{pools.ZoneId}/recordsets", PropagationHost.RecordSet("www." + pools.Name, "A", "192.0.2.10"));
            await host.WaitForZoneAsync(pools.ZoneId, "ACTIVE", pools.Logs);
            await SecondaryZone.EventuallyAsync(() => Dig(pools.A, "+short", "www." + pools.Name, "A").StandardOutput.Trim() == "192.0.2.10", "the record at pool A", pools.Logs);
            return pools;
        }

        public Task MoveToBAsync() =>
            Host.SendAsync(HttpMethod.Post, $"/v2/zones/{ZoneId}/tasks/pool_move", new JsonObject { ["pool_id"] = PoolB.ToString() });

        /// <summary>B serves the zone at its serial with B's NS records; A no longer has it.</summary>
        public void AssertMoved(JsonNode zone)
        {
            Assert.Equal(PoolB.ToString(), PropagationHost.Str(zone, "pool_id"));
            Assert.Equal(["ns1.pool-b.example.net.", "ns2.pool-b.example.net."], NsRecords(B, Name));
            Assert.Equal("192.0.2.10", Dig(B, "+short", "www." + Name, "A").StandardOutput.Trim());
            Assert.Equal(PropagationHost.Serial(zone).ToString(), Dig(B, "+short", Name, "SOA").StandardOutput.Trim().Split(' ')[2]);
            Assert.False(Holds(A, Name), "pool A's named still holds the zone after the move\n" + Logs());
            Assert.Contains("status: REFUSED", Dig(A, Name, "SOA").StandardOutput);
        }

        public async ValueTask DisposeAsync()
        {
            if (Host is not null)
            {
                await Host.DisposeAsync();
            }

            A.Dispose();
            B?.Dispose();
        }
    }

    [Fact]
    public async Task A_zone_moved_from_pool_a_to_pool_b_is_served_by_b_with_b_ns_records_and_dropped_by_a()
    {
        await using var pools = await TwoPools.StartAsync();
        Assert.Equal(["ns1.pool-a.example.net."], NsRecords(pools.A, pools.Name));
        Assert.False(Holds(pools.B, pools.Name), "pool B's named holds the zone before the move");

        await pools.MoveToBAsync();

        pools.AssertMoved((await pools.Host.WaitForZoneAsync(pools.ZoneId, "ACTIVE", pools.Logs, TimeSpan.FromSeconds(60)))!);
    }

    [Fact]
    public async Task A_move_whose_old_pool_is_down_ends_in_error_and_recovery_finishes_it_once_the_old_pool_is_back()
    {
        await using var pools = await TwoPools.StartAsync();
        pools.A.Stop();

        await pools.MoveToBAsync();
        await pools.Host.WaitForZoneAsync(pools.ZoneId, "ERROR", pools.Logs, TimeSpan.FromSeconds(60));
        // The new pool already serves the zone: it was never served by neither pool.
        Assert.True(Holds(pools.B, pools.Name), "pool B's named should hold the zone while the old pool is down\n" + pools.Logs());

        pools.A.Resume();
        pools.AssertMoved((await pools.Host.WaitForZoneAsync(pools.ZoneId, "ACTIVE", pools.Logs, TimeSpan.FromSeconds(90)))!);
    }
}
