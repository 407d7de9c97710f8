namespace Zonal.Dns.Messages;

/// <summary>
/// The EDNS(0) pseudo-record (RFC 6891 §6): the OPT record of the additional section, lifted out of the
/// record list. The extended rcode's high bits live in <see cref="DnsMessage.Rcode"/>, which holds all 12 bits.
/// </summary>
public sealed class Edns : IEquatable<Edns>
{
    /// <summary>The smallest payload size a UDP answer may assume (RFC 1035 §4.2.1, RFC 6891 §6.2.3).</summary>
    public const int MinUdpPayloadSize = 512;

    private const ushort DnssecOkBit = 0x8000;

    /// <summary>Largest UDP reply the sender can take (the OPT record's CLASS field).</summary>
    public ushort UdpPayloadSize { get; set; } = 1232;

    public byte Version { get; set; }

    /// <summary>The DO bit: the sender wants DNSSEC records (RFC 3225).</summary>
    public bool DnssecOk { get; set; }

    /// <summary>The Z bits of the OPT TTL other than DO, kept so unknown flags survive a round trip.</summary>
    public ushort OtherFlags { get; set; }

    public List<EdnsOption> Options { get; } = [];

    /// <summary>Octets the OPT record takes on the wire: root owner, type, class, TTL, length, options.</summary>
    public int WireLength
    {
        get
        {
            int length = 11;
            foreach (var option in Options)
            {
                length += option.WireLength;
            }

            return length;
        }
    }

    /// <summary>
    /// How large a UDP reply to <paramref name="query"/> may be: its advertised payload size,
    /// never below 512; 512 when the query has no EDNS.
    /// </summary>
    public static int ResponseSizeLimit(Edns? query) =>
        Math.Max(MinUdpPayloadSize, (int)(query?.UdpPayloadSize ?? MinUdpPayloadSize));

    /// <summary>Reads an OPT record's CLASS, TTL and RDATA; returns the extended rcode's high 8 bits through <paramref name="rcodeHigh"/>.</summary>
    internal static Edns Read(ushort @class, uint ttl, ReadOnlySpan<byte> data, out byte rcodeHigh)
    {
        rcodeHigh = (byte)(ttl >> 24);
        ushort flags = (ushort)ttl;
        var edns = new Edns
        {
            UdpPayloadSize = @class,
            Version = (byte)(ttl >> 16),
            DnssecOk = (flags & DnssecOkBit) != 0,
            OtherFlags = (ushort)(flags & ~DnssecOkBit),
        };
        var reader = new WireReader(data);
        while (reader.Remaining > 0)
        {
            if (reader.Remaining < 4)
            {
                throw new DnsFormatException($"EDNS option header is cut off: {reader.Remaining} octets left in the OPT record");
            }

            ushort code = reader.ReadUInt16();
            ushort length = reader.ReadUInt16();
            if (length > reader.Remaining)
            {
                throw new DnsFormatException($"EDNS option {code} claims {length} octets but the OPT record has {reader.Remaining} left");
            }

            edns.Options.Add(new EdnsOption(code, reader.ReadBytes(length).ToArray()));
        }

        return edns;
    }

    /// <summary>Writes the whole OPT record, carrying the high 8 bits of <paramref name="rcode"/>.</summary>
    internal void Write(WireWriter writer, Rcode rcode)
    {
        writer.WriteByte(0);
        writer.WriteUInt16((ushort)RecordType.OPT);
        writer.WriteUInt16(UdpPayloadSize);
        uint flags = (DnssecOk ? DnssecOkBit : 0u) | (OtherFlags & ~(uint)DnssecOkBit);
        writer.WriteUInt32(((uint)((ushort)rcode >> 4) << 24) | ((uint)Version << 16) | flags);
        int lengthAt = writer.Position;
        writer.WriteUInt16(0);
        foreach (var option in Options)
        {
            writer.WriteUInt16(option.Code);
            writer.WriteUInt16((ushort)option.Data.Length);
            writer.WriteBytes(option.Data);
        }

        int length = writer.Position - lengthAt - 2;
        if (length > ushort.MaxValue)
        {
            throw new InvalidOperationException($"EDNS options take {length} octets, more than an OPT record holds");
        }

        writer.PatchUInt16(lengthAt, (ushort)length);
    }

    public bool Equals(Edns? other) =>
        other is not null && UdpPayloadSize == other.UdpPayloadSize && Version == other.Version
        && DnssecOk == other.DnssecOk && OtherFlags == other.OtherFlags && Options.SequenceEqual(other.Options);

    public override bool Equals(object? obj) => Equals(obj as Edns);

    public override int GetHashCode() => HashCode.Combine(UdpPayloadSize, Version, DnssecOk, Options.Count);

    public override string ToString() =>
        $"EDNS: version {Version}, flags{(DnssecOk ? " do" : "")}, udp {UdpPayloadSize}, {Options.Count} option(s)";
}
