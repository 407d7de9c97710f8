using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Zonal.Central;
using Zonal.Pools;
using Zonal.Tests.EndToEnd;

namespace Zonal.Tests.MiniDns;

/// <summary>
/// Two pools with catalog zones (RFC 9432), as MiniDNS transfers them with dig: a pool_move takes the member
/// from one catalog to the other, an abandon drops it, each at a higher serial; the catalog of the non-default
/// pool goes only to a transfer signed with its catalog_zone_tsig_key (contract §9, ZONE-scoped key).
/// </summary>
public sealed class CatalogMembershipTests
{
    private static readonly Guid PoolB = Guid.NewGuid();

    private sealed record Catalog(string Fqdn, string? Key)
    {
        public string[] Dig(PropagationHost host, params string[] extra) =>
            MiniDnsClient.Dig(host.MiniDns, [.. Key is null ? [] : new[] { "-y", Key }, .. extra, Fqdn, "AXFR"]).StandardOutput
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith(';')).ToArray();

        /// <summary>The member names of the catalog (its PTR targets) and its serial; fails if the transfer was refused.</summary>
        public (string[] Members, long Serial) Read(PropagationHost host)
        {
            var lines = Dig(host, "+onesoa").Select(l => l.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)).ToList();
            var soa = lines.FirstOrDefault(f => f.Length > 3 && f[3] == "SOA")
                ?? throw new Xunit.Sdk.XunitException($"no transfer of {Fqdn}: {string.Join('\n', Dig(host))}");
            return (lines.Where(f => f.Length > 4 && f[3] == "PTR").Select(f => f[4]).Order().ToArray(), long.Parse(soa[6]));
        }
    }

    private static async Task<(PropagationHost Host, Catalog A, Catalog B)> StartAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var a = new Catalog($"cat-a-{suffix}.invalid.", null);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var bName = $"cat-b-{suffix}.invalid.";
        var b = new Catalog(bName, $"hmac-sha256:{bName.TrimEnd('.')}:{secret}");
        var host = await PropagationHost.StartAsync(miniDns => PropagationHost.DefaultPool(miniDns) with { CatalogZone = new PoolCatalogZone(a.Fqdn, 60) });
        await host.LoadPoolAsync(PropagationHost.DefaultPool(host.MiniDns) with
        {
            Id = PoolB,
            Name = "pool-b",
            NsRecords = [new PoolNsRecord("ns1.pool-b.example.net.", 1)],
            CatalogZone = new PoolCatalogZone(b.Fqdn, 60, secret, "hmac-sha256"),
        });
        // Zones go to a non-default pool only when it has a POOL key.
        await host.SendAsync(HttpMethod.Post, "/v2/tsigkeys", new JsonObject
        {
            ["name"] = "pool-b-" + suffix,
            ["algorithm"] = "hmac-sha256",
            ["secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["scope"] = "POOL",
            ["resource_id"] = PoolB.ToString(),
        });
        return (host, a, b);
    }

    [Fact]
    public async Task A_moved_member_leaves_the_old_catalog_for_the_new_one_and_an_abandoned_one_leaves_its_catalog()
    {
        var (host, a, b) = await StartAsync();
        await using var _ = host;
        var name = PropagationHost.NewZoneName();
        var id = PropagationHost.Str(await host.SendAsync(HttpMethod.Post, "/v2/zones", PropagationHost.Zone(name)), "id");
        await host.WaitForZoneAsync(id, "ACTIVE", () => "");
        var (aBefore, bBefore) = (a.Read(host), b.Read(host));

        await host.SendAsync(HttpMethod.Post, $"/v2/zones/{id}/tasks/pool_move", new JsonObject { ["pool_id"] = PoolB.ToString() });
        var (aMoved, bMoved) = (a.Read(host), b.Read(host));
        await host.WaitForZoneAsync(id, "ACTIVE", () => "");
        await host.SendAsync(HttpMethod.Post, $"/v2/zones/{id}/tasks/abandon");
        var bAbandoned = b.Read(host);

        Assert.Equal([name], aBefore.Members);
        Assert.Empty(bBefore.Members);
        Assert.Empty(aMoved.Members);
        Assert.Equal([name], bMoved.Members);
        Assert.True(aMoved.Serial > aBefore.Serial, $"catalog A lost a member at the same serial {aBefore.Serial}");
        Assert.True(bMoved.Serial > bBefore.Serial, $"catalog B gained a member at the same serial {bBefore.Serial}");
        Assert.Empty(bAbandoned.Members);
        Assert.True(bAbandoned.Serial > bMoved.Serial, $"catalog B lost a member at the same serial {bMoved.Serial}");
    }

    [Fact]
    public async Task The_catalog_of_a_non_default_pool_is_transferred_to_its_catalog_key_alone()
    {
        var (host, _, b) = await StartAsync();
        await using var _ = host;
        var name = PropagationHost.NewZoneName();
        var id = PropagationHost.Str(await host.SendAsync(HttpMethod.Post, "/v2/zones", PropagationHost.Zone(name)), "id");
        await host.SendAsync(HttpMethod.Post, $"/v2/zones/{id}/tasks/pool_move", new JsonObject { ["pool_id"] = PoolB.ToString() });

        var signed = b.Read(host);
        var unsigned = (b with { Key = null }).Dig(host);
        // The catalog's key is ZONE-scoped: it reaches the catalog, not the members it lists.
        var memberWithCatalogKey = new Catalog(name, b.Key).Dig(host);

        Assert.Equal([name], signed.Members);
        Assert.DoesNotContain(unsigned, l => l.Contains("PTR", StringComparison.Ordinal) || l.Contains("SOA", StringComparison.Ordinal));
        Assert.DoesNotContain(memberWithCatalogKey, l => l.Contains("SOA", StringComparison.Ordinal));
    }
}
