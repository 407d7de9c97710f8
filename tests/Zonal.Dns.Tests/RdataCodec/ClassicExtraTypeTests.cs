namespace Zonal.Dns.Tests.RdataCodec;

/// <summary>URI, RP, AFSDB, KX and MINFO.</summary>
public class ClassicExtraTypeTests
{
    private static readonly DnsName Origin = RdataSamples.Origin;

    [Fact]
    public void UriTargetFillsTheRestOfTheRdataWithoutALengthOctet()
    {
        var wire = Rdata.Parse(RecordType.URI, "10 1 \"ftp://ftp1.example.com/public\"");
        Assert.Equal([0, 10, 0, 1, .. System.Text.Encoding.ASCII.GetBytes("ftp://ftp1.example.com/public")], wire);
    }

    [Fact]
    public void UriTargetLongerThan255OctetsIsKept()
    {
        string target = "https://example.com/" + new string('a', 300);
        var wire = Rdata.Parse(RecordType.URI, $"1 1 \"{target}\"");
        Assert.Equal(4 + target.Length, wire.Length);
        Assert.Equal($"1 1 \"{target}\"", Rdata.Format(RecordType.URI, wire));
    }

    [Theory]
    [InlineData("10 1 https://x/", "URI target 'https://x/' must be a quoted string")]
    [InlineData("10 1 \"a\" \"b\"", "URI RDATA has extra text 'b' after the target")]
    [InlineData("10 1", "URI RDATA ends before the target")]
    [InlineData("70000 1 \"a\"", "URI priority '70000' is out of range 0..65535")]
    public void BadUriTextIsRejected(string text, string message)
    {
        var error = Assert.Throws<DnsFormatException>(() => Rdata.Parse(RecordType.URI, text));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(RecordType.RP, "admin txt", "admin.example.com. txt.example.com.")]
    [InlineData(RecordType.MINFO, "admin errors", "admin.example.com. errors.example.com.")]
    [InlineData(RecordType.AFSDB, "1 afs", "1 afs.example.com.")]
    [InlineData(RecordType.KX, "10 kx", "10 kx.example.com.")]
    public void NamesCompleteWithTheOrigin(RecordType type, string text, string absolute)
    {
        var wire = Rdata.Parse(type, text, Origin);
        Assert.Equal(Rdata.Parse(type, absolute), wire);
        Assert.Equal(text, Rdata.Format(type, wire, Origin));
    }

    [Fact]
    public void RpAndAfsdbAreDecompressedOnReadAndWrittenInFull()
    {
        var owner = DnsName.Parse("www.example.com.");
        byte[] ownerWire = owner.Wire.ToArray();
        foreach (var (type, prefix, text) in new[]
        {
            (RecordType.RP, Array.Empty<byte>(), "www.example.com. www.example.com."),
            (RecordType.AFSDB, new byte[] { 0, 1 }, "1 www.example.com."),
        })
        {
            int names = type == RecordType.RP ? 2 : 1;
            byte[] rdata = [.. prefix, .. Enumerable.Repeat<byte[]>([0xC0, 0x00], names).SelectMany(p => p)];
            var reader = new WireReader([.. ownerWire, .. rdata], ownerWire.Length);
            var data = Rdata.Read(type, ref reader, rdata.Length);
            Assert.Equal(Rdata.Parse(type, text), data);

            using var writer = new WireWriter();
            writer.WriteName(owner);
            int start = writer.Position;
            Rdata.Write(type, data, writer);
            Assert.Equal(data, writer.WrittenSpan[start..].ToArray());
        }
    }

    [Fact]
    public void MinfoIsCompressedAsAnRfc1035Type()
    {
        var owner = DnsName.Parse("example.com.");
        var data = Rdata.Parse(RecordType.MINFO, "admin.example.com. errors.example.com.");
        using var writer = new WireWriter();
        writer.WriteName(owner);
        int start = writer.Position;
        Rdata.Write(RecordType.MINFO, data, writer);
        Assert.True(writer.Position - start < data.Length);
        var reader = new WireReader(writer.WrittenSpan.ToArray(), start);
        Assert.Equal(data, Rdata.Read(RecordType.MINFO, ref reader, writer.Position - start));
    }

    [Fact]
    public void KxNamesMayNotBeCompressed()
    {
        byte[] ownerWire = DnsName.Parse("www.example.com.").Wire.ToArray();
        byte[] rdata = [0, 10, 0xC0, 0x00];
        byte[] message = [.. ownerWire, .. rdata];
        Assert.Throws<DnsFormatException>(() =>
        {
            var reader = new WireReader(message, ownerWire.Length);
            Rdata.Read(RecordType.KX, ref reader, rdata.Length);
        });
    }
}
