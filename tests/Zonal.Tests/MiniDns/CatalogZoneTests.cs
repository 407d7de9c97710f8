using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Central;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Domain;
using Zonal.Storage;
using Zonal.Tests.EndToEnd;

namespace Zonal.Tests.MiniDns;

/// <summary>
/// A pool's catalog zone (RFC 9432) as MiniDNS serves it, over real DNS packets: generated members, a serial
/// that moves with them, and the API's 403 on the catalog itself.
/// </summary>
public sealed class CatalogZoneTests
{
    [Fact]
    public async Task MiniDnsServesTheCatalogOfThePoolsLiveZonesAndItsSerialMovesWithThem()
    {
        var catalog = "cat-" + Guid.NewGuid().ToString("N")[..8] + ".invalid.";
        await using var host = await PropagationHost.StartAsync(miniDns => WithCatalog(PropagationHost.DefaultPool(miniDns), catalog));
        var keptName = "kept." + PropagationHost.NewZoneName();
        var kept = PropagationHost.Str(await host.SendAsync(HttpMethod.Post, "/v2/zones", PropagationHost.Zone(keptName)), "id");
        var goneName = "gone." + PropagationHost.NewZoneName();
        var gone = PropagationHost.Str(await host.SendAsync(HttpMethod.Post, "/v2/zones", PropagationHost.Zone(goneName)), "id");
        var before = await AxfrAsync(host, catalog);

        await host.SendAsync(HttpMethod.Delete, $"/v2/zones/{gone}");
        var after = await AxfrAsync(host, catalog);

        Assert.Equal(RecordType.SOA, before[0].Type);
        Assert.Equal(RecordType.SOA, before[^1].Type);
        Assert.Equal("invalid.", Rdata.Format(RecordType.NS, Assert.Single(before, r => r.Type == RecordType.NS).Data));
        var version = Assert.Single(before, r => r.Type == RecordType.TXT);
        Assert.Equal("version." + catalog, version.Name.ToString());
        Assert.Equal("\"2\"", Rdata.Format(RecordType.TXT, version.Data));
        Assert.Equal(
            new[] { $"{kept}.zones.{catalog} {keptName}", $"{gone}.zones.{catalog} {goneName}" }.Order(),
            Members(before).Order());
        // The zone being deleted leaves the catalog at once, and the serial moves on.
        Assert.Equal([$"{kept}.zones.{catalog} {keptName}"], Members(after));
        Assert.True(MiniDnsClient.Serial(after[0]) > MiniDnsClient.Serial(before[0]));

        // Ordinary queries: the SOA and a member's PTR with AA; IXFR is answered in AXFR form.
        var soa = MiniDnsClient.Udp(host.MiniDns, catalog, RecordType.SOA);
        Assert.True(soa.IsAuthoritative);
        Assert.Equal(MiniDnsClient.Serial(after[0]), MiniDnsClient.Serial(Assert.Single(soa.Answers)));
        var ptr = MiniDnsClient.Udp(host.MiniDns, $"{kept}.zones.{catalog}", RecordType.PTR);
        Assert.Single(ptr.Answers);
        var old = MiniDnsClient.Serial(before[0]);
        var ixfr = (await MiniDnsClient.TcpTransferAsync(host.MiniDns, MiniDnsClient.Ixfr(catalog, old), old)).SelectMany(m => m.Answers).ToList();
        Assert.Equal(after.Count, ixfr.Count);
    }

    [Fact]
    public async Task EveryApiOperationOnTheCatalogIsForbiddenAndMembersDoNotListIt()
    {
        var catalog = "cat-" + Guid.NewGuid().ToString("N")[..8] + ".invalid.";
        await using var host = await PropagationHost.StartAsync(miniDns => WithCatalog(PropagationHost.DefaultPool(miniDns), catalog));
        Guid id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<ZonalDbContext>().Zones.Where(z => z.Type == ZoneType.Catalog).Select(z => z.Id).SingleAsync();
        }

        foreach (var (method, path, body) in new (HttpMethod, string, JsonObject?)[]
        {
            (HttpMethod.Get, $"/v2/zones/{id}", null),
            (HttpMethod.Patch, $"/v2/zones/{id}", new JsonObject { ["ttl"] = 60 }),
            (HttpMethod.Delete, $"/v2/zones/{id}", null),
            (HttpMethod.Get, $"/v2/zones/{id}/recordsets", null),
            (HttpMethod.Post, $"/v2/zones/{id}/recordsets", PropagationHost.RecordSet("x.catalog.invalid.", "A", "192.0.2.1")),
        })
        {
            var (status, text) = await host.TrySendAsync(method, path, body);
            if (status == HttpStatusCode.NotFound)
            {
                // The catalog belongs to no user's project: an admin reaches it with all-projects.
                (status, text) = await host.TrySendAsync(method, path, body, allProjects: true);
            }

            Assert.True(status == HttpStatusCode.Forbidden, $"{method} {path}: {(int)status} {text}");
        }

        var (_, adminList) = await host.TrySendAsync(HttpMethod.Get, "/v2/zones", allProjects: true);
        Assert.Contains(id.ToString(), adminList);
        var (memberStatus, memberList) = await host.TrySendAsync(HttpMethod.Get, "/v2/zones", roles: "member", allProjects: true);
        Assert.DoesNotContain(id.ToString(), memberList + memberStatus);
    }

    private static IEnumerable<string> Members(List<DnsRecord> catalog) =>
        catalog.Where(r => r.Type == RecordType.PTR).Select(r => $"{r.Name} {Rdata.Format(RecordType.PTR, r.Data)}");

    private static PoolDefinition WithCatalog(PoolDefinition pool, string catalog) => pool with { CatalogZone = new PoolCatalogZone(catalog, 60) };

    private static async Task<List<DnsRecord>> AxfrAsync(PropagationHost host, string zone) =>
        (await MiniDnsClient.TcpTransferAsync(host.MiniDns, DnsMessage.CreateQuery(1, DnsName.Parse(zone, DnsName.Root), RecordType.AXFR)))
        .SelectMany(m => m.Answers).ToList();
}
