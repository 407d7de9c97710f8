using Zonal.Dns.Tsig;

namespace Zonal.Dns.Tests.Tsig;

/// <summary>A clock that says what the test tells it.</summary>
internal sealed class FixedClock(long unixSeconds) : TimeProvider
{
    public long UnixSeconds { get; set; } = unixSeconds;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeSeconds(UnixSeconds);
}

internal static class TsigTestSupport
{
    public const long Now = 1_700_000_000;

    public static readonly TsigKey Key = TsigKey.FromText("transfer.example.", "hmac-sha256", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I=");

    /// <summary>A query message: header with <paramref name="id"/>, one question, <paramref name="additional"/> A records in the additional section.</summary>
    public static WireWriter Query(ushort id = 0x1234, string name = "example.org.", RecordType type = RecordType.AXFR, int additional = 0)
    {
        var writer = new WireWriter();
        writer.WriteUInt16(id);
        writer.WriteUInt16(0);
        writer.WriteUInt16(1);
        writer.WriteUInt16(0);
        writer.WriteUInt16(0);
        writer.WriteUInt16((ushort)additional);
        writer.WriteName(DnsName.Parse(name));
        writer.WriteUInt16((ushort)type);
        writer.WriteUInt16((ushort)RecordClass.IN);
        for (int i = 0; i < additional; i++)
        {
            WriteA(writer, name, (byte)i);
        }

        return writer;
    }

    /// <summary>A response with <paramref name="answers"/> A records, as one message of a transfer.</summary>
    public static WireWriter Response(ushort id, int answers, int seed = 0)
    {
        var writer = new WireWriter();
        writer.WriteUInt16(id);
        writer.WriteUInt16(0x8400);
        writer.WriteUInt16(1);
        writer.WriteUInt16((ushort)answers);
        writer.WriteUInt16(0);
        writer.WriteUInt16(0);
        writer.WriteName(DnsName.Parse("example.org."));
        writer.WriteUInt16((ushort)RecordType.AXFR);
        writer.WriteUInt16((ushort)RecordClass.IN);
        for (int i = 0; i < answers; i++)
        {
            WriteA(writer, $"host{seed}-{i}.example.org.", (byte)i);
        }

        return writer;
    }

    private static void WriteA(WireWriter writer, string name, byte last)
    {
        writer.WriteName(DnsName.Parse(name));
        writer.WriteUInt16((ushort)RecordType.A);
        writer.WriteUInt16((ushort)RecordClass.IN);
        writer.WriteUInt32(3600);
        writer.WriteUInt16(4);
        writer.WriteBytes([192, 0, 2, last]);
    }
}
