using Zonal.Dns.ZoneFiles;
using static Zonal.Dns.Tests.ZoneFiles.ZoneText;

namespace Zonal.Dns.Tests.ZoneFiles;

public class ZoneWriterTests
{
    private const string Zone = """
        $ORIGIN example.test.
        $TTL 300
        zz IN A 192.0.2.9
        www 60 IN A 192.0.2.2
        @ IN NS ns1
        @ IN NS ns.other.test.
        @ IN SOA ns1 host 1 2 3 4 5
        ns1 IN A 192.0.2.1
        *.wild IN TXT "hello world" "x"
        _sip._tcp IN SRV 0 5 5060 www
        a.b.c IN MX 10 www
        www IN AAAA 2001:db8::1
        www IN A 192.0.2.2
        """;

    [Fact]
    public void Reading_what_the_writer_wrote_gives_the_same_records()
    {
        var original = Read(Zone);
        string text = ZoneWriter.ToText(Origin, original);
        var again = Read(text, new Zonal.Dns.ZoneFiles.ZoneReaderOptions());
        Assert.Equal(Distinct(original), Distinct(again));
        Assert.Equal(text, ZoneWriter.ToText(Origin, again));
    }

    [Fact]
    public void Output_starts_with_origin_ttl_and_soa_then_owners_in_canonical_order()
    {
        var original = Read(Zone);
        var lines = ZoneWriter.ToText(Origin, original).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("$ORIGIN example.test.", lines[0]);
        Assert.Equal("$TTL 300", lines[1]);
        Assert.StartsWith("@\t", lines[2]);
        Assert.Contains("\tSOA\t", lines[2]);

        var again = Read(string.Join('\n', lines));
        var owners = again.Skip(1).Select(r => r.Name).ToList();
        var sorted = owners.Order().ToList();
        Assert.Equal(sorted, owners);
    }

    [Fact]
    public void Repeated_records_are_written_once()
    {
        var written = Read(ZoneWriter.ToText(Origin, Read(Zone)), new Zonal.Dns.ZoneFiles.ZoneReaderOptions());
        Assert.Single(written, r => r.Type == RecordType.A && r.Name.Equals(Name("www.example.test.")));
    }

    [Fact]
    public void Names_outside_the_origin_stay_absolute()
    {
        string text = ZoneWriter.ToText(Origin, Read(Zone));
        Assert.Contains("ns.other.test.", text);
        Assert.DoesNotContain("example.test.\t", text.Split('\n', 2)[1]);
    }

    private static List<DnsRecord> Distinct(List<DnsRecord> records) =>
        [.. records.DistinctBy(r => (r.Name, r.Type, Convert.ToHexString(r.Data))).OrderBy(r => r.Name).ThenBy(r => r.Type).ThenBy(r => Convert.ToHexString(r.Data))];
}
