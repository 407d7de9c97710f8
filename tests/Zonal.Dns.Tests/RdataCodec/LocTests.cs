using System.Buffers.Binary;

namespace Zonal.Dns.Tests.RdataCodec;

/// <summary>LOC (RFC 1876).</summary>
public class LocTests
{
    private const uint Equator = 1u << 31;

    /// <summary>The example of RFC 1876 §4, with the wire fields worked out from the definitions of §2.</summary>
    [Fact]
    public void Rfc1876ExampleHasTheDefinedWireForm()
    {
        var wire = Rdata.Parse(RecordType.LOC, "42 21 54 N 71 06 18 W -24m 30m");
        Assert.Equal(16, wire.Length);
        Assert.Equal(0, wire[0]);
        Assert.Equal(0x33, wire[1]); // 30 m = 3 * 10^3 cm
        Assert.Equal(0x16, wire[2]); // default 10 000 m = 1 * 10^6 cm
        Assert.Equal(0x13, wire[3]); // default 10 m = 1 * 10^3 cm
        Assert.Equal(Equator + (uint)(((42 * 3600) + (21 * 60) + 54) * 1000), BinaryPrimitives.ReadUInt32BigEndian(wire.AsSpan(4)));
        Assert.Equal(Equator - (uint)(((71 * 3600) + (6 * 60) + 18) * 1000), BinaryPrimitives.ReadUInt32BigEndian(wire.AsSpan(8)));
        Assert.Equal(10_000_000u - 2400, BinaryPrimitives.ReadUInt32BigEndian(wire.AsSpan(12)));
    }

    [Fact]
    public void MinutesAndSecondsMayBeLeftOut()
    {
        Assert.Equal(Rdata.Parse(RecordType.LOC, "52 0 0.000 N 4 0 0 E 0m"), Rdata.Parse(RecordType.LOC, "52 N 4 E 0"));
        Assert.Equal(Rdata.Parse(RecordType.LOC, "52 22 0 N 4 53 0.0 W 10"), Rdata.Parse(RecordType.LOC, "52 22 N 4 53 W 10m"));
    }

    [Fact]
    public void PrecisionsAreTruncatedToOneSignificantDigit()
    {
        var wire = Rdata.Parse(RecordType.LOC, "1 N 2 E 0 1.2m 0.12 15m");
        Assert.Equal([0x12, 0x11, 0x13], wire[1..4]);
    }

    [Theory]
    [InlineData("1 n 2 E 0", "LOC latitude 'n' is not a number")]
    [InlineData("1 60 N 2 E 0", "LOC latitude '60' is out of range 0..59")]
    [InlineData("1 59 60 N 2 E 0", "LOC latitude '60' is out of range; at most 59")]
    [InlineData("90 1 N 2 E 0", "LOC latitude is more than 90 degrees")]
    [InlineData("91 N 2 E 0", "LOC latitude '91' is out of range 0..90")]
    [InlineData("1 N 180 0 0.001 E 0", "LOC longitude is more than 180 degrees")]
    [InlineData("1 2 3.4567 N 2 E 0", "LOC latitude '3.4567' is not a number of the form N[.DDD]")]
    [InlineData("1 2 3 X 2 E 0", "LOC latitude 'X' is not the hemisphere N or S")]
    [InlineData("1 N 2 E", "LOC RDATA ends before the altitude")]
    [InlineData("1 N 2 E -100000.01", "LOC altitude '-100000.01' is out of range -100000.00m..42849672.95m")]
    [InlineData("1 N 2 E 42849672.96", "LOC altitude '42849672.96' is out of range -100000.00m..42849672.95m")]
    [InlineData("1 N 2 E 5M", "LOC altitude '5M' is not a number of the form N[.DD][m]")]
    [InlineData("1 N 2 E 0 99999999", "LOC size '99999999' is out of range; at most 90000000")]
    [InlineData("1 N 2 E 0 m", "LOC size 'm' is not a number of the form N[.DD][m]")]
    [InlineData("1 N 2 E 0 -1", "LOC size '-1' is not a number of the form N[.DD][m]")]
    [InlineData("1 N 2 E 0 1 2 3 4", "LOC RDATA has extra text '4' after the location")]
    public void BadLocTextIsRejected(string text, string message)
    {
        var error = Assert.Throws<DnsFormatException>(() => Rdata.Parse(RecordType.LOC, text));
        Assert.Equal(message, error.Message);
    }

    public static TheoryData<byte[]> BadWire() => new()
    {
        { new byte[15] },
        { new byte[17] },
        { [1, .. new byte[15]] },
        { [0, 0x0A, .. new byte[14]] },
        { [0, 0xA0, .. new byte[14]] },
        { [0, 0x05, .. new byte[14]] },
        { [0, 0, 0, 0, .. BitConverter.GetBytes(0u), .. Centre(), .. Centre()] },
        { [0, 0, 0, 0, .. Centre(), .. Offset(180 * 3_600_000 + 1), .. Centre()] },
    };

    [Theory]
    [MemberData(nameof(BadWire))]
    public void MalformedLocWireIsRejected(byte[] data) =>
        Assert.Throws<DnsFormatException>(() => Rdata.Validate(RecordType.LOC, data));

    private static byte[] Centre() => Offset(0);

    private static byte[] Offset(long value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)(Equator + value));
        return bytes;
    }
}
