namespace Zonal.Dns.Tests.RdataCodec;

/// <summary>SVCB and HTTPS, checked against the test vectors of RFC 9460 Appendix D.</summary>
public class SvcbTests
{
    private static byte[] Name(string name) => DnsName.Parse(name).Wire.ToArray();

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    [Fact]
    public void AliasFormD1()
    {
        Assert.Equal([0, 0, .. Name("foo.example.com.")], Rdata.Parse(RecordType.HTTPS, "0 foo.example.com."));
    }

    public static TheoryData<string, byte[]> ServiceForms => new()
    {
        { "1 .", [0, 1, 0] },
        { "16 foo.example.com. port=53", [0, 16, .. Name("foo.example.com."), .. Hex("0003 0002 0035")] },
        { "1 foo.example.com. key667=hello", [0, 1, .. Name("foo.example.com."), .. Hex("029b 0005 68656c6c6f")] },
        { "1 foo.example.com. key667=\"hello\\210qoo\"", [0, 1, .. Name("foo.example.com."), .. Hex("029b 0009 68656c6c6fd2716f6f")] },
        {
            "1 foo.example.com. ipv6hint=\"2001:db8::1,2001:db8::53:1\"",
            [0, 1, .. Name("foo.example.com."), .. Hex("0006 0020 20010db8000000000000000000000001 20010db8000000000000000000530001")]
        },
        { "1 example.com. ipv6hint=\"2001:db8:122:344::192.0.2.33\"", [0, 1, .. Name("example.com."), .. Hex("0006 0010 20010db80122034400000000c0000221")] },
        {
            "16 foo.example.org. alpn=h2,h3-19 mandatory=ipv4hint,alpn ipv4hint=192.0.2.1",
            [0, 16, .. Name("foo.example.org."), .. Hex("0000 0004 00010004 0001 0009 026832 0568332d3139 0004 0004 c0000201")]
        },
        { "16 foo.example.org. alpn=\"f\\\\\\\\oo\\\\,bar,h2\"", [0, 16, .. Name("foo.example.org."), .. Hex("0001 000c 08665c6f6f2c626172 026832")] },
        { "16 foo.example.org. alpn=f\\\\\\092oo\\092,bar,h2", [0, 16, .. Name("foo.example.org."), .. Hex("0001 000c 08665c6f6f2c626172 026832")] },
    };

    [Theory]
    [MemberData(nameof(ServiceForms))]
    public void ServiceFormsD2(string text, byte[] wire)
    {
        var data = Rdata.Parse(RecordType.SVCB, text);
        Assert.Equal(wire, data);
        Assert.Equal(data, Rdata.Parse(RecordType.SVCB, Rdata.Format(RecordType.SVCB, data)));
    }

    [Theory]
    [InlineData("1 foo.example.com. key123=abc key123=def", "SVCB parameters give the key key123 more than once")]
    [InlineData("1 foo.example.com. mandatory", "SVCB parameters mandatory needs a value (mandatory=...)")]
    [InlineData("1 foo.example.com. alpn", "SVCB parameters alpn needs a value (alpn=...)")]
    [InlineData("1 foo.example.com. port", "SVCB parameters port needs a value (port=...)")]
    [InlineData("1 foo.example.com. ipv4hint=", "SVCB parameters ipv4hint has an empty value")]
    [InlineData("1 foo.example.com. no-default-alpn=abc", "SVCB parameters no-default-alpn takes no value")]
    [InlineData("1 foo.example.com. mandatory=key123", "SVCB parameters value of mandatory is not valid for that key (keys present in the record, not mandatory itself, each once)")]
    [InlineData("1 foo.example.com. mandatory=mandatory", "SVCB parameters value of mandatory is not valid for that key (keys present in the record, not mandatory itself, each once)")]
    [InlineData("1 foo.example.com. mandatory=key123,key123 key123=a", "SVCB parameters mandatory lists key123 twice")]
    [InlineData("1 foo.example.com. no-default-alpn", "SVCB parameters value of no-default-alpn is not valid for that key (no value, and only with alpn)")]
    [InlineData("1 . alpn=a,,b", "SVCB parameters alpn has an empty protocol id")]
    [InlineData("1 . port=70000", "SVCB port '70000' is out of range 0..65535")]
    [InlineData("1 . ipv4hint=1.2.3", "SVCB parameters ipv4hint item '1.2.3' is not valid")]
    [InlineData("1 . Port=1", "SVCB parameters key 'Port' is not a known name (mandatory, alpn, port, ...) or keyNNNNN")]
    [InlineData("1 . key007=1", "SVCB parameters key 'key007' is not a known name (mandatory, alpn, port, ...) or keyNNNNN")]
    [InlineData("1 . key65536=1", "SVCB parameters key 'key65536' is not a known name (mandatory, alpn, port, ...) or keyNNNNN")]
    [InlineData("1 . \"alpn=h2\"", "SVCB parameters must not be a quoted string (\"alpn=h2\")")]
    [InlineData("1 . key3=abc", "SVCB parameters value of port is not valid for that key")]
    [InlineData("1 . dohpath=/dns-query", "SVCB parameters value of key7 is not valid for that key (a path starting with '/' whose template has the variable dns)")]
    [InlineData("1 . ech=AAA", "SVCB parameters ech 'AAA' is not valid base64")]
    public void FailureCasesD3AndOthers(string text, string message)
    {
        var error = Assert.Throws<DnsFormatException>(() => Rdata.Parse(RecordType.SVCB, text));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void AValueInQuotesMustBeGluedToItsKey()
    {
        Assert.Equal(Rdata.Parse(RecordType.SVCB, "1 . alpn=h2"), Rdata.Parse(RecordType.SVCB, "1 . alpn=\"h2\""));
        Assert.Throws<DnsFormatException>(() => Rdata.Parse(RecordType.SVCB, "1 . alpn= \"h2\""));
    }

    [Fact]
    public void KeysAreSortedOnTheWireAndPrintedInThatOrder()
    {
        var data = Rdata.Parse(RecordType.HTTPS, "1 . port=443 alpn=h2");
        Assert.Equal([0, 1, 0, .. Hex("0001 0003 026832 0003 0002 01bb")], data);
        Assert.Equal("1 . alpn=\"h2\" port=443", Rdata.Format(RecordType.HTTPS, data));
    }

    [Theory]
    [InlineData(new byte[] { 0, 1, 0, 0, 3, 0, 2, 0, 1, 0, 1, 0, 1, 0 })]
    [InlineData(new byte[] { 0, 1, 0, 0, 3, 0, 2, 0, 1, 0, 3, 0, 2, 0, 1 })]
    [InlineData(new byte[] { 0, 1, 0, 0, 3 })]
    [InlineData(new byte[] { 0, 1, 0, 0, 3, 0, 3, 0, 1 })]
    [InlineData(new byte[] { 0, 1, 0, 0, 1, 0, 2, 0, 0 })]
    [InlineData(new byte[] { 0, 1, 0, 0, 4, 0, 3, 1, 2, 3 })]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 0, 2, 0, 3 })]
    [InlineData(new byte[] { 0, 1, 0xC0, 0x00 })]
    public void MalformedWireIsRejected(byte[] data) =>
        Assert.Throws<DnsFormatException>(() => Rdata.Validate(RecordType.SVCB, data));
}
