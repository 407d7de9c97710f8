using Zonal.Dns;
using Zonal.DnsClient;
using Zonal.Worker;

namespace Zonal.Tests.Worker;

/// <summary>An AXFR answer as the worker hands it to central, checked by the same frame rules the builtin nameserver uses.</summary>
public sealed class TransferredZoneTests
{
    private static readonly DnsName Origin = DnsName.Parse("example.test.");

    [Fact]
    public void A_whole_zone_becomes_its_record_sets_with_the_soa_timers_and_repeated_records_once()
    {
        var store = TransferredZone.ToStore(Guid.Empty, Origin, [Soa(7), A("www", "192.0.2.1"), A("www", "192.0.2.2"), A("www", "192.0.2.1"), Soa(7)]);

        Assert.Equal(7, store.Serial);
        Assert.Equal((3600, 600, 86400, 300), (store.Refresh, store.Retry, store.Expire, store.Minimum));
        var www = Assert.Single(store.RecordSets, s => s.Type == "A");
        Assert.Equal("www.example.test.", www.Name);
        Assert.Equal(["192.0.2.1", "192.0.2.2"], www.Records);
        Assert.Contains(store.RecordSets, s => s.Type == "SOA");
    }

    [Fact]
    public void An_answer_with_records_outside_the_zone_or_not_closed_by_its_soa_is_refused()
    {
        Assert.Contains("1 records that do not belong",
            Assert.Throws<ZoneDataException>(() => TransferredZone.ToStore(Guid.Empty, Origin, [Soa(7), A("www", "192.0.2.1"), Record("www.other.test.", RecordType.A, "192.0.2.9"), Soa(7)])).Message);
        Assert.Contains("does not end with the SOA of serial 7",
            Assert.Throws<ZoneDataException>(() => TransferredZone.ToStore(Guid.Empty, Origin, [Soa(7), A("www", "192.0.2.1"), Soa(8)])).Message);
        Assert.Contains("holds only the SOA",
            Assert.Throws<ZoneDataException>(() => TransferredZone.ToStore(Guid.Empty, Origin, [Soa(7)])).Message);
    }

    private static DnsRecord Soa(uint serial) =>
        Record("example.test.", RecordType.SOA, $"ns1.example.test. hostmaster.example.test. {serial} 3600 600 86400 300");

    private static DnsRecord A(string label, string address) => Record(label + ".example.test.", RecordType.A, address);

    private static DnsRecord Record(string name, RecordType type, string data) =>
        new(DnsName.Parse(name), type, RecordClass.IN, 300, Rdata.Parse(type, data));
}
