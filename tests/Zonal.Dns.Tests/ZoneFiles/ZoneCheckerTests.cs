using Zonal.Dns.ZoneFiles;
using static Zonal.Dns.Tests.ZoneFiles.ZoneText;

namespace Zonal.Dns.Tests.ZoneFiles;

public class ZoneCheckerTests
{
    private const string Good = """
        $TTL 300
        @ IN SOA ns1 host 1 2 3 4 5
        @ IN NS ns1
        ns1 IN A 192.0.2.1
        www IN A 192.0.2.2
        """;

    [Fact]
    public void A_good_zone_has_no_findings_and_a_summary()
    {
        var result = Check(Good);
        Assert.Empty(result.Findings);
        Assert.Equal(4, result.Records);
        Assert.Equal(3, result.Owners);
        Assert.Equal(2, result.Types[RecordType.A]);
        Assert.Equal("example.test.: 4 records, 3 owners; A 2, NS 1, SOA 1", result.Summary());
    }

    [Theory]
    [InlineData("$TTL 300\n@ NS ns1\nns1 A 192.0.2.1\n", "has 0 SOA records")]
    [InlineData("$TTL 300\n@ SOA ns1 host 1 2 3 4 5\nns1 A 192.0.2.1\n", "has no NS records")]
    [InlineData(Good + "\n@ SOA ns1 host 2 2 3 4 5\n", "multiple RRs of singleton type SOA")]
    [InlineData(Good + "\nsub SOA ns1 host 2 2 3 4 5\n", "SOA record not at top of zone")]
    [InlineData(Good + "\nwww CNAME ns1\n", "CNAME and other data")]
    [InlineData(Good + "\nc CNAME ns1\nc A 192.0.2.9\n", "CNAME and other data")]
    [InlineData(Good + "\nc CNAME ns1\nc CNAME www\n", "multiple RRs of singleton type CNAME")]
    [InlineData(Good + "\nd DNAME x\nd DNAME y\n", "multiple RRs of singleton type DNAME")]
    [InlineData(Good + "\n@ NS missing\n", "NS 'missing.example.test.' has no address records")]
    [InlineData(Good + "\n@ NS c\nc CNAME www\n", "NS 'c.example.test.' is a CNAME")]
    [InlineData(Good + "\n@ DNAME other.test.\n", "NS 'ns1.example.test.' is below a DNAME 'example.test.'")]
    public void Errors_that_make_bind_reject_the_zone(string text, string message)
    {
        var result = Check(text);
        Assert.True(result.HasErrors);
        Assert.Contains(result.Findings, f => !f.IsWarning && f.Message.Contains(message));
    }

    [Theory]
    [InlineData("www.other.test. A 192.0.2.9\n", "ignoring out-of-zone data")]
    [InlineData("www 600 A 192.0.2.3\n", "set to prior TTL (300)")]
    [InlineData("www A 192.0.2.2\n", "duplicate A record ignored")]
    [InlineData("mx MX 10 c\nc CNAME www\n", "mx.example.test./MX 'c.example.test.' is a CNAME")]
    [InlineData("mx MX 10 nothere\n", "has no address records")]
    [InlineData("s SRV 0 0 80 nothere\n", "s.example.test./SRV 'nothere.example.test.' has no address records")]
    [InlineData("sub NS ns.sub\n", "has no REQUIRED GLUE")]
    [InlineData("sub NS c\nc CNAME www\n", "sub.example.test./NS 'c.example.test.' is a CNAME")]
    [InlineData("d DNAME y\nm MX 1 a.d\na.d A 192.0.2.9\n", "m.example.test./MX 'a.d.example.test.' is below a DNAME 'd.example.test.'")]
    [InlineData("a_b A 192.0.2.9\n", "a_b.example.test.: bad owner name (check-names)")]
    [InlineData("-x AAAA ::1\n", "bad owner name (check-names)")]
    [InlineData("m MX 10 a_b.other.test.\n", "a_b.other.test.: bad name (check-names)")]
    [InlineData("x.*.y A 192.0.2.9\n", "is no wildcard")]
    public void Warnings_that_bind_prints_but_loads_anyway(string extra, string message)
    {
        var result = Check(Good + "\n" + extra);
        Assert.False(result.HasErrors, string.Join("\n", result.Findings));
        Assert.Contains(result.Findings, f => f.IsWarning && f.Message.Contains(message));
    }

    [Fact]
    public void Wildcards_service_names_and_text_owners_pass_check_names()
    {
        var result = Check(Good + "\n*.w A 192.0.2.9\n_sip._tcp SRV 0 0 5060 www\na_b TXT hi\n1x A 192.0.2.8\n");
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Out_of_zone_mx_and_null_mx_targets_are_not_checked()
    {
        var result = Check(Good + "\nm MX 10 mail.other.test.\nn MX 0 .\n");
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Findings_point_at_the_record_line()
    {
        var result = Check(Good + "\n\nc CNAME ns1\nc A 192.0.2.9\n");
        var error = Assert.Single(result.Findings);
        Assert.Equal(8, error.Position.Line);
    }

    [Fact]
    public async Task Checking_a_reader_reports_read_errors_and_zone_errors_together()
    {
        using var reader = Reader("$TTL 300\n@ SOA ns1 host 1 2 3 4 5\nns1 A 192.0.2.1\nx INN A 192.0.2.1\n", new ZoneReaderOptions { Origin = Origin, ContinueAfterErrors = true });
        var result = await ZoneChecker.CheckAsync(reader, Origin);
        Assert.True(result.HasErrors);
        Assert.Equal(new ZonePosition("t.zone", 4, 3), result.Findings[0].Position);
        Assert.Contains(result.Findings, f => f.Message.Contains("has no NS records"));
        Assert.Equal(2, result.Records);
    }

    private static ZoneCheckResult Check(string text)
    {
        using var reader = Reader(text);
        var checker = new ZoneChecker(Origin);
        while (reader.Read() is { } record)
        {
            checker.Add(record, reader.Position);
        }

        return checker.Complete(new ZonePosition("t.zone", 1, 1));
    }
}
