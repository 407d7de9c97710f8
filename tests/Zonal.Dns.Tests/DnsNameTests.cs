namespace Zonal.Dns.Tests;

public class DnsNameTests
{
    private static readonly DnsName Origin = DnsName.Parse("example.org.");

    [Theory]
    [InlineData("www.example.org.", "www.example.org.")]
    [InlineData("www", "www.example.org.")]
    [InlineData("@", "example.org.")]
    [InlineData(".", ".")]
    [InlineData("a\\.b.example.org.", "a\\.b.example.org.")]
    [InlineData("\\065bc.", "Abc.")]
    [InlineData("sp\\032ace.", "sp\\032ace.")]
    [InlineData("x\\000y.", "x\\000y.")]
    public void ParsesAndPrintsPresentationForm(string text, string expected) =>
        Assert.Equal(expected, DnsName.Parse(text, Origin).ToString());

    [Theory]
    [InlineData("a..b.")]
    [InlineData("")]
    [InlineData("a\\25")]
    [InlineData("a\\256.")]
    [InlineData("relative")]
    public void RejectsBadNames(string text) =>
        Assert.Throws<DnsFormatException>(() => DnsName.Parse(text));

    [Fact]
    public void EnforcesLabelAndNameLimits()
    {
        Assert.NotNull(DnsName.Parse(new string('a', 63) + "."));
        Assert.Throws<DnsFormatException>(() => DnsName.Parse(new string('a', 64) + "."));
        string label = new string('a', 63) + ".";
        Assert.NotNull(DnsName.Parse(label + label + label + new string('b', 61) + "."));
        Assert.Throws<DnsFormatException>(() => DnsName.Parse(label + label + label + new string('b', 62) + "."));
    }

    [Fact]
    public void ComparesCaseInsensitively()
    {
        var a = DnsName.Parse("WWW.Example.ORG.");
        var b = DnsName.Parse("www.example.org.");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("WWW.Example.ORG.", a.ToString());
    }

    [Fact]
    public void OrdersCanonicallyAsRfc4034Section61()
    {
        // The example list of RFC 4034 §6.1, already in canonical order.
        string[] ordered = ["example.", "a.example.", "yljkjljk.a.example.", "Z.a.example.", "zABC.a.EXAMPLE.", "z.example.", "\\001.z.example.", "*.z.example.", "\\200.z.example."];
        var names = ordered.Select(n => DnsName.Parse(n)).Reverse().ToList();
        names.Sort();
        Assert.Equal(ordered, names.Select(n => n.ToString()).Select(s => s.Replace("\\042", "*")));
    }

    [Fact]
    public void RelativeFormUsesOrigin()
    {
        Assert.Equal("www", DnsName.Parse("www.example.org.").ToString(Origin));
        Assert.Equal("@", DnsName.Parse("EXAMPLE.org.").ToString(Origin));
        Assert.Equal("other.net.", DnsName.Parse("other.net.").ToString(Origin));
        Assert.True(DnsName.Parse("a.b.example.org.").IsSubdomainOf(Origin));
        Assert.False(DnsName.Parse("xexample.org.").IsSubdomainOf(Origin));
    }

    [Fact]
    public void CompressesOnWriteAndDecompressesOnRead()
    {
        using var writer = new WireWriter();
        writer.WriteName(DnsName.Parse("www.example.org."));
        writer.WriteName(DnsName.Parse("mail.EXAMPLE.org."));
        writer.WriteName(DnsName.Parse("example.org."));
        Assert.Equal(17 + 5 + 2 + 2, writer.Position);
        var reader = new WireReader(writer.WrittenSpan);
        Assert.Equal("www.example.org.", reader.ReadName().ToString());
        Assert.Equal("mail.example.org.", reader.ReadName().ToString());
        Assert.Equal("example.org.", reader.ReadName().ToString());
        Assert.Equal(0, reader.Remaining);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0x00 })]
    [InlineData(new byte[] { 1, (byte)'a', 0xC0, 0x00 })]
    [InlineData(new byte[] { 3, (byte)'a' })]
    [InlineData(new byte[] { 0x40 })]
    [InlineData(new byte[] { 1, (byte)'a', 0xC0 })]
    public void RejectsMalformedWireNames(byte[] wire) =>
        Assert.Throws<DnsFormatException>(() => new WireReader(wire).ReadName());
}
