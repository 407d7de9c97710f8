using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Tests.DnsServer;

namespace Zonal.Tests.MiniDns;

public sealed class MiniDnsIxfrTests(MiniDnsHost host) : IClassFixture<MiniDnsHost>
{
    [Fact]
    public async Task CentralJournalsEachChangeWithTheOldAndNewSoaFirst()
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(zone);
        var set = await host.AddRecordSetAsync(id, "www." + zone, "A", "192.0.2.1");
        await host.ReplaceRecordsAsync(id, set, "192.0.2.2");

        var journal = await host.JournalAsync(id);

        Assert.Equal(2, journal.Count);
        Assert.All(journal, entry => Assert.True(entry.Complete));
        Assert.Equal(journal[0].SerialTo, journal[1].SerialFrom);
        Assert.Equal(await host.SerialAsync(id), journal[1].SerialTo);
        Assert.StartsWith(zone + "\t300\tSOA\t", journal[1].Deleted);
        Assert.StartsWith(zone + "\t300\tSOA\t", journal[1].Added);
        Assert.Contains($"www.{zone}\t300\tA\t192.0.2.1", journal[1].Deleted);
        Assert.Contains($"www.{zone}\t300\tA\t192.0.2.2", journal[1].Added);
    }

    [Fact]
    public async Task IxfrSendsTheDifferencesSinceTheClientsSerial()
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(zone);
        var first = (uint)await host.SerialAsync(id);
        var set = await host.AddRecordSetAsync(id, "www." + zone, "A", "192.0.2.1");
        await host.ReplaceRecordsAsync(id, set, "192.0.2.2");
        await host.AddRecordSetAsync(id, "txt." + zone, "TXT", "\"hello\"");
        var current = (uint)await host.SerialAsync(id);

        var messages = await MiniDnsClient.TcpTransferAsync(host.EndPoint, MiniDnsClient.Ixfr(zone, first), first);
        var records = messages.SelectMany(m => m.Answers).ToList();
        var soas = records.Where(r => r.Type == RecordType.SOA).Select(MiniDnsClient.Serial).ToList();

        // Our SOA, then three (old SOA, deletions, new SOA, additions) differences, then our SOA again.
        Assert.Equal(8, soas.Count);
        Assert.Equal(current, soas[0]);
        Assert.Equal(first, soas[1]);
        Assert.Equal(current, soas[^1]);
        Assert.Equal(["192.0.2.1", "192.0.2.1", "192.0.2.2"], records.Where(r => r.Type == RecordType.A).Select(r => Rdata.Format(r.Type, r.Data)));
        Assert.Single(records, r => r.Type == RecordType.TXT);
        Assert.DoesNotContain(records, r => r.Type == RecordType.NS);
    }

    [Fact]
    public async Task IxfrFromTheCurrentSerialIsTheSoaAlone()
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(zone);
        await host.AddRecordSetAsync(id, "www." + zone, "A", "192.0.2.1");
        var current = (uint)await host.SerialAsync(id);

        var udp = ListenerClient.UdpQuery(host.EndPoint, MiniDnsClient.Ixfr(zone, current));
        var tcp = await MiniDnsClient.TcpTransferAsync(host.EndPoint, MiniDnsClient.Ixfr(zone, current), current);

        Assert.Equal(current, MiniDnsClient.Serial(Assert.Single(udp.Answers)));
        Assert.Equal(current, MiniDnsClient.Serial(Assert.Single(Assert.Single(tcp).Answers)));
    }

    [Fact]
    public async Task IxfrFallsBackToAxfrWhenTheJournalDoesNotReachTheClientsSerial()
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(zone);
        await host.AddRecordSetAsync(id, "www." + zone, "A", "192.0.2.1");
        var unknown = (uint)await host.SerialAsync(id) - 1000;

        var messages = await MiniDnsClient.TcpTransferAsync(host.EndPoint, MiniDnsClient.Ixfr(zone, unknown), unknown);
        var records = messages.SelectMany(m => m.Answers).ToList();

        Assert.Equal(2, records.Count(r => r.Type == RecordType.SOA));
        Assert.Single(records, r => r.Type == RecordType.NS);
        Assert.Single(records, r => r.Type == RecordType.A);
    }

    [Fact]
    public async Task IxfrOverUdpIsIncrementalWhenItFitsAndTheSoaAloneWhenItDoesNot()
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(zone);
        var before = (uint)await host.SerialAsync(id);
        await host.AddRecordSetAsync(id, "www." + zone, "A", "192.0.2.1");
        var small = ListenerClient.UdpQuery(host.EndPoint, MiniDnsClient.Ixfr(zone, before));
        var middle = (uint)await host.SerialAsync(id);
        await host.AddRecordSetAsync(id, "big." + zone, "TXT", Enumerable.Range(0, 20).Select(i => $"\"{i} {new string('y', 100)}\"").ToArray());

        var large = ListenerClient.UdpQuery(host.EndPoint, MiniDnsClient.Ixfr(zone, middle));

        Assert.Equal(4, small.Answers.Count(r => r.Type == RecordType.SOA));
        Assert.Single(small.Answers, r => r.Type == RecordType.A);
        Assert.False(large.IsTruncated);
        Assert.Equal(RecordType.SOA, Assert.Single(large.Answers).Type);
    }

    [Fact]
    public async Task DigIxfrShowsTheIncrementalTransfer()
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(zone);
        var before = await host.SerialAsync(id);
        await host.AddRecordSetAsync(id, "new." + zone, "AAAA", "2001:db8::1");

        var dig = MiniDnsClient.Dig(host.EndPoint, $"IXFR={before}", zone);

        Assert.True(dig.Succeeded, dig.Describe());
        Assert.Contains($"new.{zone}", dig.StandardOutput);
        Assert.Contains("2001:db8::1", dig.StandardOutput);
        Assert.Equal(4, dig.StandardOutput.Split('\n').Count(line => line.Contains("\tSOA\t", StringComparison.Ordinal)));
    }
}
