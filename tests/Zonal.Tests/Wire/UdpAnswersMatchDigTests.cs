using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Tests.Oracle;

namespace Zonal.Tests.Wire;

/// <summary>
/// Asks a real named questions over UDP with our encoder, decodes the replies with our decoder, and
/// checks every decoded record, formatted, against what dig prints for the same question. named
/// rotates RRsets, so each section is compared as a sorted list of normalized lines; dig keeps its
/// default 56-column split of long hex and base64 fields, the presentation our formatter follows.
/// </summary>
public sealed class UdpAnswersMatchDigTests(WireOracleFixture fixture) : IClassFixture<WireOracleFixture>
{
    private const string Zone = "wire.test.";

    [Theory]
    [InlineData("www", "A")]
    [InlineData("www", "AAAA")]
    [InlineData("@", "MX")]
    [InlineData("txt", "TXT")]
    [InlineData("_sip._tcp", "SRV")]
    [InlineData("@", "CAA")]
    [InlineData("@", "NAPTR")]
    [InlineData("@", "DNSKEY")]
    [InlineData("child", "DS")]
    [InlineData("host", "SSHFP")]
    [InlineData("_443._tcp.www", "TLSA")]
    [InlineData("host", "CERT")]
    [InlineData("@", "SOA")]
    [InlineData("@", "NS")]
    [InlineData("alias", "CNAME")]
    [InlineData("alias", "A")]
    [InlineData("nosuch", "A")]
    [InlineData("www", "MX")]
    [InlineData("child", "A")]
    [InlineData("any.wild", "A")]
    [InlineData("opaque", "TYPE65534")]
    public void DecodedAnswerMatchesDig(string owner, string type)
    {
        var name = owner == "@" ? Zone : $"{owner}.{Zone}";
        var query = DnsMessage.CreateQuery(NextId(), DnsName.Parse(name), RecordTypeNames.Parse(type));
        query.Edns = new Edns();

        var response = UdpExchange.Ask(fixture.Server.EndPoint, query);
        var dig = Dig(name, type);

        Assert.Equal(dig.Status, RcodeNames.ToText(response.Rcode));
        Assert.Equal(dig.Flags.Contains("aa"), response.IsAuthoritative);
        LineSets.AssertSame(dig.Answer, Formatted(response.Answers), $"answer to {name} {type}");
        LineSets.AssertSame(dig.Authority, Formatted(response.Authority), $"authority of {name} {type}");
    }

    [Fact]
    public void TruncatedAnswerWithoutEdnsMatchesDig()
    {
        var query = DnsMessage.CreateQuery(NextId(), DnsName.Parse("big." + Zone), RecordType.TXT);

        var response = UdpExchange.Ask(fixture.Server.EndPoint, query);
        var dig = Dig("big." + Zone, "TXT", "+noedns", "+ignore");
        var whole = Dig("big." + Zone, "TXT", "+tcp");

        // named fills a truncated reply with as much of the rotated RRset as fits: the same count, not the same records.
        Assert.True(dig.Flags.Contains("tc"), "named should have truncated the 40-record TXT set:\n" + dig.Text);
        Assert.True(response.IsTruncated);
        Assert.Null(response.Edns);
        Assert.Equal(40, whole.Answer.Count);
        Assert.Equal(dig.Answer.Count, response.Answers.Count);
        Assert.Empty(Formatted(response.Answers).Except(whole.Answer));
    }

    [Fact]
    public void EdnsLetsAnAnswerAbove512OctetsThroughAsDigSees()
    {
        var plain = UdpExchange.Ask(fixture.Server.EndPoint, DnsMessage.CreateQuery(NextId(), DnsName.Parse("medium." + Zone), RecordType.TXT));
        var query = DnsMessage.CreateQuery(NextId(), DnsName.Parse("medium." + Zone), RecordType.TXT);
        query.Edns = new Edns { UdpPayloadSize = 1232 };

        var response = UdpExchange.Ask(fixture.Server.EndPoint, query);
        var dig = Dig("medium." + Zone, "TXT", "+bufsize=1232");

        Assert.True(plain.IsTruncated, "without EDNS the 8-record TXT set must not fit 512 octets");
        Assert.False(response.IsTruncated);
        Assert.False(dig.Flags.Contains("tc"), dig.Text);
        Assert.NotNull(response.Edns);
        Assert.Equal(dig.EdnsUdpSize, response.Edns.UdpPayloadSize);
        Assert.Equal(8, response.Answers.Count);
        LineSets.AssertSame(dig.Answer, Formatted(response.Answers), "answer to medium TXT");
    }

    private DigOutput Dig(string name, string type, params string[] extra) =>
        DigOutput.Parse(fixture.Server.Dig(["+norec", "+noall", "+answer", "+authority", "+comments", .. extra, name, type]));

    private static List<string> Formatted(IEnumerable<DnsRecord> records) =>
        [.. records.Select(record => PresentationLine.Normalize(record.ToString()))];

    private static ushort NextId() => (ushort)Random.Shared.Next(1, ushort.MaxValue);
}
