using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zonal.Central;
using Zonal.Configuration;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Tests.DnsServer;

namespace Zonal.Tests.MiniDns;

/// <summary>After the journal is pruned, IXFR still answers: incremental where the journal reaches, AXFR where it no longer does.</summary>
public sealed class MiniDnsJournalPruneTests(MiniDnsHost host) : IClassFixture<MiniDnsHost>
{
    [Fact]
    public async Task IxfrFromAPrunedSerialIsAnAxfrAndFromAKeptOneStaysIncremental()
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(zone);
        var created = (uint)await host.SerialAsync(id);
        await host.AddRecordSetAsync(id, "a." + zone, "A", "192.0.2.1");
        await host.AddRecordSetAsync(id, "b." + zone, "A", "192.0.2.2");
        var beforeLast = (uint)await host.SerialAsync(id);
        await host.AddRecordSetAsync(id, "c." + zone, "A", "192.0.2.3");
        var current = (uint)await host.SerialAsync(id);
        Assert.Equal(3, (await host.JournalAsync(id)).Count);

        var pruner = ActivatorUtilities.CreateInstance<ZoneJournalPruner>(host.Services,
            Options.Create(new ZonalOptions { Central = new CentralOptions { JournalKeepPerZone = 1 } }));
        Assert.True(await pruner.PruneAsync(CancellationToken.None) >= 2);
        var kept = Assert.Single(await host.JournalAsync(id));
        Assert.Equal(beforeLast, kept.SerialFrom);

        // From the creation serial the journal no longer leads here: the whole zone, in AXFR form.
        var full = (await MiniDnsClient.TcpTransferAsync(host.EndPoint, MiniDnsClient.Ixfr(zone, created), created)).SelectMany(m => m.Answers).ToList();
        Assert.Equal([current, current], full.Where(r => r.Type == RecordType.SOA).Select(MiniDnsClient.Serial));
        Assert.Equal(["192.0.2.1", "192.0.2.2", "192.0.2.3"], full.Where(r => r.Type == RecordType.A).Select(r => Rdata.Format(r.Type, r.Data)).Order());
        Assert.Single(full, r => r.Type == RecordType.NS);

        // Over UDP the same question gets the SOA alone (come back over TCP).
        var udp = ListenerClient.UdpQuery(host.EndPoint, MiniDnsClient.Ixfr(zone, created));
        Assert.Equal(current, MiniDnsClient.Serial(Assert.Single(udp.Answers)));

        // From the serial before the kept change: still incremental (our SOA, old SOA, new SOA + c, our SOA).
        var incremental = (await MiniDnsClient.TcpTransferAsync(host.EndPoint, MiniDnsClient.Ixfr(zone, beforeLast), beforeLast)).SelectMany(m => m.Answers).ToList();
        Assert.Equal([current, beforeLast, current, current], incremental.Where(r => r.Type == RecordType.SOA).Select(MiniDnsClient.Serial));
        Assert.Equal("192.0.2.3", Rdata.Format(RecordType.A, Assert.Single(incremental, r => r.Type == RecordType.A).Data));
    }

    [Fact]
    public async Task PruningKeepsEachZonesLastChangesAndDropsNothingWithinThem()
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(zone);
        await host.AddRecordSetAsync(id, "a." + zone, "A", "192.0.2.1");
        await host.AddRecordSetAsync(id, "b." + zone, "A", "192.0.2.2");
        var before = await host.JournalAsync(id);

        var pruner = ActivatorUtilities.CreateInstance<ZoneJournalPruner>(host.Services,
            Options.Create(new ZonalOptions { Central = new CentralOptions { JournalKeepPerZone = 2 } }));
        await pruner.PruneAsync(CancellationToken.None);

        Assert.Equal(before.Select(e => e.Id), (await host.JournalAsync(id)).Select(e => e.Id));
    }
}
