using Zonal.Dns.Messages;

namespace Zonal.Dns.Tests.Messages;

public class TsigOffsetTests
{
    // TSIG RDATA (RFC 8945 §4.2): algorithm hmac-sha256., time 48 bits, fudge 300, MAC of 4 octets, original id, error, other len.
    private static readonly byte[] TsigData = WireBytes.Of(
        WireBytes.Name("hmac-sha256"), "000065A1B2C3 012C 0004 DEADBEEF 1234 0000 0000");

    private static DnsRecord Tsig() => new(DnsName.Parse("key.example."), RecordType.TSIG, RecordClass.ANY, 0, TsigData);

    [Fact]
    public void DecodeReportsWhereTheTsigRecordStarts()
    {
        var message = DnsMessage.CreateQuery(0x1234, DnsName.Parse("example.com."), RecordType.AXFR);
        message.Edns = new Edns();
        message.Additional.Add(Tsig());
        var bytes = message.Encode();

        var decoded = DnsMessage.Decode(bytes);

        // The TSIG owner is never compressed, so its name sits in full at the offset.
        int offset = decoded.TsigOffset;
        Assert.Equal(WireBytes.Name("key.example"), bytes[offset..(offset + 13)]);
        Assert.Equal(bytes.Length - TsigData.Length - 10 - 13, offset);
        Assert.Equal(offset, DnsMessage.FindLastRecordOffset(bytes));
        Assert.Equal(2, DnsMessage.ReadAdditionalCount(bytes));
        Assert.NotNull(decoded.Tsig);
        Assert.Equal(TsigData, decoded.Tsig.Data);
    }

    [Fact]
    public void MessageWithoutTsigHasNoOffset()
    {
        var message = DnsMessage.CreateQuery(1, DnsName.Parse("example.com."), RecordType.SOA);

        var decoded = DnsMessage.Decode(message.Encode());

        Assert.Equal(-1, decoded.TsigOffset);
        Assert.Null(decoded.Tsig);
        Assert.Equal(-1, DnsMessage.FindLastRecordOffset(message.Encode()));
    }

    [Fact]
    public void TsigThatIsNotLastIsRejected()
    {
        var message = DnsMessage.CreateQuery(1, DnsName.Parse("example.com."), RecordType.SOA);
        message.Additional.Add(Tsig());
        message.Additional.Add(new DnsRecord(DnsName.Parse("a.example.com."), RecordType.A, RecordClass.IN, 1, [1, 2, 3, 4]));

        var error = Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(message.Encode()));
        Assert.Contains("TSIG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindLastRecordOffsetWalksCompressedNames()
    {
        var message = DnsMessage.CreateQuery(1, DnsName.Parse("example.com."), RecordType.A);
        message.Answers.Add(new DnsRecord(DnsName.Parse("example.com."), RecordType.A, RecordClass.IN, 1, [1, 2, 3, 4]));
        message.Authority.Add(new DnsRecord(DnsName.Parse("www.example.com."), RecordType.A, RecordClass.IN, 1, [1, 2, 3, 5]));
        var bytes = message.Encode();

        int offset = DnsMessage.FindLastRecordOffset(bytes);

        // The last record is "www" + pointer, then 10 fixed octets and 4 of data.
        Assert.Equal(bytes.Length - 4 - 2 - 14, offset);
        Assert.Equal(WireBytes.Of(WireBytes.Labels("www"), "C00C"), bytes[offset..(offset + 6)]);
    }

    [Fact]
    public void FindLastRecordOffsetRejectsCutOffMessages()
    {
        var bytes = WireBytes.Of("0001 0000 0000 0001 0000 0000", WireBytes.Name("example"), "0001 0001 0000");

        Assert.Throws<DnsFormatException>(() => DnsMessage.FindLastRecordOffset(bytes));
    }
}
