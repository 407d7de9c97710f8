namespace Zonal.Dns.Tests.RdataCodec;

public class RdataTextTests
{
    private static readonly DnsName Origin = RdataSamples.Origin;

    public static TheoryData<RecordType, string> Samples()
    {
        var data = new TheoryData<RecordType, string>();
        foreach (var (type, text) in RdataSamples.All)
        {
            data.Add(type, text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void PresentationSurvivesWireAndBack(RecordType type, string text)
    {
        var wire = Rdata.Parse(type, text);
        Rdata.Validate(type, wire);
        string printed = Rdata.Format(type, wire);
        Assert.Equal(wire, Rdata.Parse(type, printed));
        Assert.Equal(printed, Rdata.Format(type, Rdata.Parse(type, printed)));
        Assert.True(Rdata.HasKnownFormat(type));
    }

    [Fact]
    public void DsExampleOfRfc4034HasTheRfcWireForm()
    {
        var wire = Rdata.Parse(RecordType.DS, "60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118");
        byte[] expected = [0xEC, 0x45, 5, 1, .. Convert.FromHexString("2BB183AF5F22588179A53B0A98631FAD1A292118")];
        Assert.Equal(expected, wire);
    }

    [Fact]
    public void NsecExampleOfRfc4034HasTheRfcTypeBitmaps()
    {
        var wire = Rdata.Parse(RecordType.NSEC, "host.example.com. A MX RRSIG NSEC TYPE1234");
        var next = DnsName.Parse("host.example.com.").Wire.ToArray();
        byte[] window0 = [0x00, 0x06, 0x40, 0x01, 0x00, 0x00, 0x00, 0x03];
        byte[] window4 = [0x04, 0x1b, .. new byte[26], 0x20];
        Assert.Equal([.. next, .. window0, .. window4], wire);
    }

    [Fact]
    public void RrsigTimesAreSecondsSinceTheEpoch()
    {
        var wire = Rdata.Parse(RecordType.RRSIG, "A 5 3 86400 20030322173103 20030220173103 2642 example.com. oJB1W6WNGv+ldvQ3WDG0MQkg5IEhjRip");
        long expiration = new DateTimeOffset(2003, 3, 22, 17, 31, 3, TimeSpan.Zero).ToUnixTimeSeconds();
        long inception = new DateTimeOffset(2003, 2, 20, 17, 31, 3, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.Equal((uint)expiration, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(wire.AsSpan(8)));
        Assert.Equal((uint)inception, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(wire.AsSpan(12)));
        Assert.Equal(
            Rdata.Parse(RecordType.RRSIG, $"A 5 3 86400 {expiration} {inception} 2642 example.com. oJB1W6WNGv+ldvQ3WDG0MQkg5IEhjRip"),
            wire);
    }

    [Fact]
    public void MxWireFormIsPreferenceThenUncompressedName()
    {
        var wire = Rdata.Parse(RecordType.MX, "10 mail", Origin);
        Assert.Equal([0, 10, .. DnsName.Parse("mail.example.com.").Wire.ToArray()], wire);
    }

    [Fact]
    public void NamesPrintRelativeToTheOriginOnlyWhenBelowIt()
    {
        var wire = Rdata.Parse(RecordType.SOA, "ns1 hostmaster.example.net. 1 2 3 4 5", Origin);
        Assert.Equal("ns1 hostmaster.example.net. 1 2 3 4 5", Rdata.Format(RecordType.SOA, wire, Origin));
        Assert.Equal("ns1.example.com. hostmaster.example.net. 1 2 3 4 5", Rdata.Format(RecordType.SOA, wire));
    }

    [Fact]
    public void TxtStringsAreSeparateCharacterStringsWithEscapesDecoded()
    {
        var wire = Rdata.Parse(RecordType.TXT, "\"a b\" c\\\"d \"\\065\\\\\"");
        Assert.Equal([3, (byte)'a', (byte)' ', (byte)'b', 3, (byte)'c', (byte)'"', (byte)'d', 2, (byte)'A', (byte)'\\'], wire);
        Assert.Equal("\"a b\" \"c\\\"d\" \"A\\\\\"", Rdata.Format(RecordType.TXT, wire));
    }

    [Fact]
    public void TxtAcceptsExactly255OctetsPerString()
    {
        var wire = Rdata.Parse(RecordType.TXT, $"\"{new string('x', 255)}\"");
        Assert.Equal(256, wire.Length);
        var error = Assert.Throws<DnsFormatException>(() => Rdata.Parse(RecordType.TXT, $"\"{new string('x', 256)}\""));
        Assert.Contains("256 octets is longer than 255", error.Message);
    }

    [Fact]
    public void GenericFormWorksForUnknownTypesAndIsCheckedForKnownOnes()
    {
        var type = (RecordType)65280;
        Assert.False(Rdata.HasKnownFormat(type));
        var wire = Rdata.Parse(type, "\\# 3 ab CD ef");
        Assert.Equal([0xAB, 0xCD, 0xEF], wire);
        Assert.Equal("\\# 3 ABCDEF", Rdata.Format(type, wire));
        Assert.Equal("\\# 0", Rdata.Format(type, Rdata.Parse(type, "\\# 0")));
        Assert.Equal([192, 0, 2, 1], Rdata.Parse(RecordType.A, "\\# 4 C0000201"));
        Assert.Throws<DnsFormatException>(() => Rdata.Parse(RecordType.A, "\\# 3 C00002"));
        Assert.Throws<DnsFormatException>(() => Rdata.Parse(type, "\\# 4 C00002"));
        Assert.Throws<DnsFormatException>(() => Rdata.Parse(type, "01 02"));
    }

    [Fact]
    public void TypeNamesIncludeBindMnemonicsAndTheTypeNumberForm()
    {
        Assert.Equal("CDS", RecordTypeNames.ToText((RecordType)59));
        Assert.Equal("TYPE54", RecordTypeNames.ToText((RecordType)54));
        Assert.Equal((RecordType)51, RecordTypeNames.Parse("nsec3param"));
        Assert.Equal((RecordType)54, RecordTypeNames.Parse("TYPE54"));
    }

    [Theory]
    [InlineData(RecordType.MX, "70000 mail", "MX preference '70000' is out of range 0..65535")]
    [InlineData(RecordType.MX, "ten mail", "MX preference 'ten' is not a number")]
    [InlineData(RecordType.MX, "10", "MX RDATA ends before the exchange")]
    [InlineData(RecordType.MX, "10 a b", "MX RDATA has extra text 'b' after the exchange")]
    [InlineData(RecordType.A, "1.2.3", "A address '1.2.3' is not a dotted-quad IPv4 address")]
    [InlineData(RecordType.AAAA, "fe80::1%eth0", "AAAA address 'fe80::1%eth0' is not an IPv6 address")]
    [InlineData(RecordType.SOA, "a b 1h 1 1 1 1", "SOA serial '1h' is not a number")]
    [InlineData(RecordType.SOA, "a b 1 1x 1 1 1", "SOA refresh '1x' is not a number of seconds or a duration such as 1h30m")]
    [InlineData(RecordType.CAA, "0 is-sue x", "CAA tag 'is-sue' may hold only the letters a-z, A-Z and digits 0-9")]
    [InlineData(RecordType.DS, "1 8 2 00", "DS digest of key tag 1 is 1 octets; a SHA-256 digest is 32")]
    [InlineData(RecordType.DNSKEY, "256 3 FOO AA==", "DNSKEY algorithm 'FOO' is not a number or a known mnemonic")]
    [InlineData(RecordType.TLSA, "3 1 1 abc", "TLSA certificate association data has an odd number (3) of hex digits")]
    [InlineData(RecordType.NSEC, "next BOGUS", "NSEC type bit maps 'BOGUS' is not a record type")]
    [InlineData(RecordType.RRSIG, "A 8 2 1 20240230000000 20240101000000 1 . AA==", "RRSIG expiration '20240230000000' is not a valid date and time")]
    [InlineData(RecordType.TXT, "\"a\\25\"", "TXT text 'a\\25' has an escape that is not \\DDD with three digits")]
    [InlineData(RecordType.NAPTR, "1 2 \"\" \"\" \"!a!b!x\" .", "NAPTR regexp has the flag 'x'; only 'i' is defined")]
    [InlineData((RecordType)65280, "01", "TYPE65280 has no known text format; write its RDATA as \\# LENGTH HEX (RFC 3597)")]
    public void BadTextFailsWithAMessageNamingTheField(RecordType type, string text, string message)
    {
        var error = Assert.Throws<DnsFormatException>(() => Rdata.Parse(type, text, Origin));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void DataEqualsIgnoresCaseInNamesOnly()
    {
        Assert.True(Rdata.DataEquals(RecordType.MX, Rdata.Parse(RecordType.MX, "1 MAIL.example."), Rdata.Parse(RecordType.MX, "1 mail.EXAMPLE.")));
        Assert.False(Rdata.DataEquals(RecordType.MX, Rdata.Parse(RecordType.MX, "1 mail.example."), Rdata.Parse(RecordType.MX, "2 mail.example.")));
        Assert.False(Rdata.DataEquals(RecordType.TXT, Rdata.Parse(RecordType.TXT, "A"), Rdata.Parse(RecordType.TXT, "a")));
    }
}
