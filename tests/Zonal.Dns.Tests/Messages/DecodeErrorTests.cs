using Zonal.Dns.Messages;

namespace Zonal.Dns.Tests.Messages;

public class DecodeErrorTests
{
    private static readonly byte[] Question = WireBytes.Of(WireBytes.Name("example.com"), "0001 0001");

    [Theory]
    [InlineData("")]
    [InlineData("1234")]
    [InlineData("1234 0100 0001 0000 0000 00")]
    public void MessageShorterThanTheHeaderIsRejected(string hex)
    {
        var error = Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(WireBytes.Of(hex)));
        Assert.Contains("header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountsThatCannotFitAreRejectedBeforeAnythingIsRead()
    {
        var bytes = WireBytes.Of("1234 8000 0001 FFFF FFFF FFFF", Question);

        var error = Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(bytes));
        Assert.Contains("cannot fit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRecordIsRejected()
    {
        var bytes = WireBytes.Of("1234 8000 0001 0001 0000 0000", Question, "C00C 0001 0001 00000E10 0004 C000");

        Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(bytes));
    }

    [Fact]
    public void RdataLengthPastTheEndIsRejected()
    {
        var bytes = WireBytes.Of("1234 8000 0001 0001 0000 0000", Question, "C00C 0001 0001 00000E10 0008 C0000201");

        var error = Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(bytes));
        Assert.Contains("offset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RdataThatDoesNotFitItsTypeIsRejected()
    {
        // An A record of 3 octets.
        var bytes = WireBytes.Of("1234 8000 0001 0001 0000 0000", Question, "C00C 0001 0001 00000E10 0003 C00002");

        Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(bytes));
    }

    [Fact]
    public void NameInsideRdataRunningPastItsLengthIsRejected()
    {
        // An NS record whose RDATA length stops inside the name.
        var bytes = WireBytes.Of("1234 8000 0001 0001 0000 0000", Question, "C00C 0002 0001 00000E10 0002", WireBytes.Name("ns1"), "0000");

        Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(bytes));
    }

    [Fact]
    public void TrailingOctetsAreRejected()
    {
        var bytes = WireBytes.Of("1234 0000 0001 0000 0000 0000", Question, "00");

        var error = Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(bytes));
        Assert.Contains("follow the last record", error.Message, StringComparison.Ordinal);
    }
}
