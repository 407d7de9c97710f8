using Zonal.Dns.Messages;

namespace Zonal.Dns.Tests.Messages;

public class EdnsTests
{
    private static readonly byte[] QuestionSection = WireBytes.Of(WireBytes.Name("example.com"), "0006 0001");

    [Fact]
    public void OptRecordIsLiftedOutOfTheAdditionalSection()
    {
        // OPT: root owner, payload 4096, ext-rcode 0, version 0, DO, one COOKIE option of 8 octets.
        var bytes = WireBytes.Of(
            "0001 0000 0001 0000 0000 0001", QuestionSection,
            "00 0029 1000 00 00 8000 000C", "000A 0008 0102030405060708");

        var message = DnsMessage.Decode(bytes);

        Assert.Empty(message.Additional);
        Assert.NotNull(message.Edns);
        Assert.Equal(4096, message.Edns.UdpPayloadSize);
        Assert.Equal(0, message.Edns.Version);
        Assert.True(message.Edns.DnssecOk);
        var option = Assert.Single(message.Edns.Options);
        Assert.Equal(EdnsOption.Cookie, option.Code);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, option.Data);
    }

    [Fact]
    public void ExtendedRcodeJoinsTheHeaderBitsAndTheOptBits()
    {
        // Header rcode 0 and OPT ext-rcode 1 make 16, BADVERS (RFC 6891 §6.1.3).
        var bytes = WireBytes.Of("0001 8000 0000 0000 0000 0001", "00 0029 0200 01 00 0000 0000");

        var message = DnsMessage.Decode(bytes);

        Assert.Equal(Rcode.BadVers, message.Rcode);
        Assert.Equal("BADVERS", RcodeNames.ToText(message.Rcode));
    }

    [Fact]
    public void ExtendedRcodeIsSplitBackOnEncode()
    {
        var message = new DnsMessage { Id = 1, IsResponse = true, Rcode = Rcode.BadCookie, Edns = new Edns { UdpPayloadSize = 512 } };

        var bytes = message.Encode();

        // BADCOOKIE is 23 = 0x17: header rcode 7, ext-rcode 1.
        Assert.Equal(WireBytes.Of("0001 8007 0000 0000 0000 0001", "00 0029 0200 01 00 0000 0000"), bytes);
    }

    [Fact]
    public void ExtendedRcodeWithoutEdnsCannotBeEncoded()
    {
        var message = new DnsMessage { Rcode = Rcode.BadVers };

        Assert.Throws<InvalidOperationException>(() => message.Encode());
    }

    [Fact]
    public void OptIsWrittenAfterTheOtherAdditionalRecords()
    {
        var message = DnsMessage.CreateQuery(9, DnsName.Parse("example.com."), RecordType.A);
        message.Edns = new Edns { UdpPayloadSize = 1232, DnssecOk = true };
        message.Edns.Options.Add(new EdnsOption(EdnsOption.Nsid, []));
        message.Additional.Add(new DnsRecord(DnsName.Parse("glue.example.com."), RecordType.A, RecordClass.IN, 60, [192, 0, 2, 7]));

        var bytes = message.Encode();

        Assert.Equal(WireBytes.Of("00 0029 04D0 00 00 8000 0004 0003 0000"), bytes[^15..]);
        Assert.Equal(2, (bytes[10] << 8) | bytes[11]);
        var decoded = DnsMessage.Decode(bytes);
        Assert.Equal(message.Edns, decoded.Edns);
        Assert.Equal(message.Additional, decoded.Additional);
    }

    [Fact]
    public void SecondOptRecordIsRejected()
    {
        var bytes = WireBytes.Of("0001 0000 0000 0000 0000 0002", "00 0029 0200 00 00 0000 0000", "00 0029 0200 00 00 0000 0000");

        var error = Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(bytes));
        Assert.Contains("second OPT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptOutsideTheAdditionalSectionIsRejected()
    {
        var bytes = WireBytes.Of("0001 0000 0000 0001 0000 0000", "00 0029 0200 00 00 0000 0000");

        Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(bytes));
    }

    [Fact]
    public void OptWithANonRootOwnerIsRejected()
    {
        var bytes = WireBytes.Of("0001 0000 0000 0000 0000 0001", WireBytes.Name("example"), "0029 0200 00 00 0000 0000");

        Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(bytes));
    }

    [Theory]
    [InlineData("0003")]
    [InlineData("000A 0009 0102030405060708")]
    public void CutOffOptionIsRejected(string options)
    {
        int length = Convert.FromHexString(options.Replace(" ", "", StringComparison.Ordinal)).Length;
        var bytes = WireBytes.Of("0001 0000 0000 0000 0000 0001", $"00 0029 0200 00 00 0000 {length:X4}", options);

        Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(bytes));
    }

    [Theory]
    [InlineData(0, 512)]
    [InlineData(100, 512)]
    [InlineData(1232, 1232)]
    [InlineData(4096, 4096)]
    public void ResponseSizeLimitIsTheAdvertisedPayloadButNeverBelow512(int advertised, int limit)
    {
        var edns = new Edns { UdpPayloadSize = (ushort)advertised };

        Assert.Equal(limit, Edns.ResponseSizeLimit(edns));
        Assert.Equal(512, Edns.ResponseSizeLimit(null));
    }

    [Fact]
    public void ResponseKeepsTheDoBitOfTheQuery()
    {
        var query = DnsMessage.CreateQuery(3, DnsName.Parse("example.com."), RecordType.A);
        query.Edns = new Edns { DnssecOk = true, UdpPayloadSize = 4096 };

        var response = query.CreateResponse();

        Assert.NotNull(response.Edns);
        Assert.True(response.Edns.DnssecOk);
        Assert.Equal(query.Questions, response.Questions);
        Assert.True(response.IsResponse);
    }

    [Fact]
    public void TsigErrorsHaveTheirOwnNames()
    {
        Assert.Equal("BADSIG", RcodeNames.TsigErrorText(Rcode.BadSig));
        Assert.Equal("BADKEY", RcodeNames.TsigErrorText(Rcode.BadKey));
        Assert.Equal("BADTIME", RcodeNames.TsigErrorText(Rcode.BadTime));
        Assert.Equal("NOTAUTH", RcodeNames.ToText(Rcode.NotAuth));
        Assert.Equal("RCODE4000", RcodeNames.ToText((Rcode)4000));
    }
}
