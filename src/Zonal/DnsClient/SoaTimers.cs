using System.Buffers.Binary;
using Zonal.Dns;

namespace Zonal.DnsClient;

/// <summary>The SOA's serial and timers (RFC 1035 §3.3.13), which drive a secondary's refresh schedule.</summary>
public readonly record struct SoaTimers(uint Serial, uint Refresh, uint Retry, uint Expire, uint Minimum)
{
    public static SoaTimers Read(DnsRecord soa)
    {
        var data = soa.Data.AsSpan(FixedFieldsOffset(soa.Data));
        if (data.Length < 20)
        {
            throw new ZoneDataException($"SOA of {soa.Name} is cut off");
        }

        return new SoaTimers(
            BinaryPrimitives.ReadUInt32BigEndian(data),
            BinaryPrimitives.ReadUInt32BigEndian(data[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[16..]));
    }

    /// <summary>Where SERIAL starts: after MNAME and RNAME, which are uncompressed in stored RDATA.</summary>
    internal static int FixedFieldsOffset(ReadOnlySpan<byte> data)
    {
        int pos = 0;
        for (int name = 0; name < 2; name++)
        {
            while (pos < data.Length && data[pos] != 0)
            {
                pos += data[pos] + 1;
            }

            pos++;
        }

        return Math.Min(pos, data.Length);
    }

    /// <summary>RFC 1982 serial arithmetic: true when <paramref name="serial"/> is newer than <paramref name="than"/>.</summary>
    public static bool IsNewer(uint serial, uint than) => (int)(serial - than) > 0;
}
