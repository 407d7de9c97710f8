namespace Zonal.Dns.Tests.RdataCodec;

public class RdataWireTests
{
    private static readonly DnsName Owner = DnsName.Parse("www.example.com.");

    /// <summary>Writes an owner name then the RDATA, as a message would, and returns the bytes and the RDATA offset.</summary>
    private static (byte[] Message, int RdataStart, int RdataLength) WriteAfterOwner(RecordType type, byte[] data)
    {
        using var writer = new WireWriter();
        writer.WriteName(Owner);
        int start = writer.Position;
        Rdata.Write(type, data, writer);
        return (writer.WrittenSpan.ToArray(), start, writer.Position - start);
    }

    private static byte[] ReadBack(RecordType type, byte[] message, int start, int length)
    {
        var reader = new WireReader(message, start);
        var data = Rdata.Read(type, ref reader, length);
        Assert.Equal(start + length, reader.Position);
        return data;
    }

    [Theory]
    [InlineData(RecordType.NS, "ns.example.com.")]
    [InlineData(RecordType.CNAME, "example.com.")]
    [InlineData(RecordType.PTR, "www.example.com.")]
    [InlineData(RecordType.MX, "10 mail.example.com.")]
    [InlineData(RecordType.SOA, "ns1.example.com. hostmaster.example.com. 1 2 3 4 5")]
    public void Rfc1035TypesCompressNamesAndReadBackUncompressed(RecordType type, string text)
    {
        var data = Rdata.Parse(type, text);
        var (message, start, length) = WriteAfterOwner(type, data);
        Assert.True(length < data.Length, "the names should have been compressed against the owner");
        Assert.Contains(message.Skip(start).Take(length), b => (b & 0xC0) == 0xC0);
        Assert.Equal(data, ReadBack(type, message, start, length));
    }

    [Theory]
    [InlineData(RecordType.SRV, "0 0 80 www.example.com.")]
    [InlineData(RecordType.NAPTR, "1 1 \"\" \"\" \"\" www.example.com.")]
    [InlineData(RecordType.DNAME, "www.example.com.")]
    [InlineData(RecordType.RRSIG, "A 8 3 300 20300101000000 20240101000000 1 www.example.com. AA==")]
    [InlineData(RecordType.NSEC, "www.example.com. A")]
    public void NewerTypesAreWrittenUncompressed(RecordType type, string text)
    {
        var data = Rdata.Parse(type, text);
        var (message, start, length) = WriteAfterOwner(type, data);
        Assert.Equal(data, message.AsSpan(start, length).ToArray());
        Assert.Equal(data, ReadBack(type, message, start, length));
    }

    /// <summary>Builds a message holding the owner, then RDATA whose name is a pointer to the owner.</summary>
    private static (byte[] Message, int Start, int Length) CompressedByHand(byte[] prefix, byte[] suffix)
    {
        byte[] owner = Owner.Wire.ToArray();
        byte[] rdata = [.. prefix, 0xC0, 0x00, .. suffix];
        return ([.. owner, .. rdata], owner.Length, rdata.Length);
    }

    [Fact]
    public void SrvAndNaptrAndDnameAreDecompressedOnRead()
    {
        var (message, start, length) = CompressedByHand([0, 1, 0, 2, 0, 80], []);
        Assert.Equal(Rdata.Parse(RecordType.SRV, "1 2 80 www.example.com."), ReadBack(RecordType.SRV, message, start, length));

        (message, start, length) = CompressedByHand([], []);
        Assert.Equal(Rdata.Parse(RecordType.DNAME, "www.example.com."), ReadBack(RecordType.DNAME, message, start, length));

        (message, start, length) = CompressedByHand([0, 1, 0, 1, 0, 0, 0], []);
        Assert.Equal(Rdata.Parse(RecordType.NAPTR, "1 1 \"\" \"\" \"\" www.example.com."), ReadBack(RecordType.NAPTR, message, start, length));
    }

    [Fact]
    public void CompressedNamesInRrsigAndNsecAreRejected()
    {
        var (message, start, length) = CompressedByHand([], [0, 1, 0x40]);
        Assert.Throws<DnsFormatException>(() => ReadBack(RecordType.NSEC, message, start, length));

        var fixedPart = Rdata.Parse(RecordType.RRSIG, "A 8 3 300 20300101000000 20240101000000 1 . AA==")[..18];
        (message, start, length) = CompressedByHand(fixedPart, [0]);
        Assert.Throws<DnsFormatException>(() => ReadBack(RecordType.RRSIG, message, start, length));
    }

    [Fact]
    public void RdataLengthMustMatchTheFields()
    {
        byte[] message = [192, 0, 2, 1, 7];
        Assert.Throws<DnsFormatException>(() => ReadBack(RecordType.A, message, 0, 5));
        Assert.Throws<DnsFormatException>(() => ReadBack(RecordType.A, message, 0, 3));
        Assert.Throws<DnsFormatException>(() => ReadBack(RecordType.A, message, 0, 6));
        Assert.Throws<DnsFormatException>(() => ReadBack((RecordType)65280, message, 0, 6));
        Assert.Equal([192, 0, 2, 1], ReadBack(RecordType.A, message, 0, 4));
    }

    [Theory]
    [InlineData(RecordType.TXT, new byte[] { })]
    [InlineData(RecordType.TXT, new byte[] { 3, 1, 2 })]
    [InlineData(RecordType.HINFO, new byte[] { 1, 65 })]
    [InlineData(RecordType.NSEC, new byte[] { 0 })]
    [InlineData(RecordType.NSEC, new byte[] { 0, 0, 0 })]
    [InlineData(RecordType.NSEC, new byte[] { 0, 1, 0, 0 })]
    [InlineData(RecordType.NSEC, new byte[] { 0, 1, 0, 1, 0x40, 0, 1, 0x40 })]
    [InlineData(RecordType.CAA, new byte[] { 0, 0 })]
    [InlineData(RecordType.CAA, new byte[] { 0, 2, (byte)'a', (byte)'-' })]
    [InlineData(RecordType.DS, new byte[] { 0, 1, 8, 1, 0xAB })]
    [InlineData(RecordType.DNSKEY, new byte[] { 1, 0, 3, 8 })]
    [InlineData(RecordType.MX, new byte[] { 0, 1, 64, 0 })]
    public void MalformedWireRdataIsRejected(RecordType type, byte[] data) =>
        Assert.Throws<DnsFormatException>(() => Rdata.Validate(type, data));
}
