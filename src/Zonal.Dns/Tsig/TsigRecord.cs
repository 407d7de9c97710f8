using System.Buffers.Binary;

namespace Zonal.Dns.Tsig;

/// <summary>
/// A TSIG record read out of a message (RFC 8945 §4.2). Octet fields stay where they are in the
/// message: <see cref="MacOffset"/> and <see cref="OtherDataOffset"/> index the message bytes.
/// </summary>
public readonly record struct TsigRecord(
    int Offset,
    DnsName KeyName,
    DnsName AlgorithmName,
    ulong TimeSigned,
    ushort Fudge,
    int MacOffset,
    int MacLength,
    ushort OriginalId,
    TsigError Error,
    int OtherDataOffset,
    int OtherDataLength)
{
    private const int TimeSignedLength = 6;

    public ReadOnlySpan<byte> Mac(ReadOnlySpan<byte> message) => message.Slice(MacOffset, MacLength);

    public ReadOnlySpan<byte> OtherData(ReadOnlySpan<byte> message) => message.Slice(OtherDataOffset, OtherDataLength);

    /// <summary>Reads the TSIG record that starts at <paramref name="offset"/>, checking its type, class, TTL and lengths.</summary>
    public static TsigRecord Read(ReadOnlySpan<byte> message, int offset)
    {
        var reader = new WireReader(message, offset);
        var keyName = reader.ReadName();
        var type = (RecordType)reader.ReadUInt16();
        var @class = (RecordClass)reader.ReadUInt16();
        uint ttl = reader.ReadUInt32();
        if (type != RecordType.TSIG || @class != RecordClass.ANY || ttl != 0)
        {
            throw new DnsFormatException($"TSIG record at offset {offset} must have type TSIG, class ANY and TTL 0");
        }

        int rdLength = reader.ReadUInt16();
        int rdEnd = reader.Position + rdLength;
        if (rdEnd > message.Length)
        {
            throw new DnsFormatException($"TSIG RDATA at offset {reader.Position} runs past the end of the message");
        }

        var algorithm = reader.ReadName();
        ulong timeSigned = ReadUInt48(reader.ReadBytes(TimeSignedLength));
        ushort fudge = reader.ReadUInt16();
        int macLength = reader.ReadUInt16();
        int macOffset = reader.Position;
        reader.ReadBytes(macLength);
        ushort originalId = reader.ReadUInt16();
        var error = (TsigError)reader.ReadUInt16();
        int otherLength = reader.ReadUInt16();
        int otherOffset = reader.Position;
        reader.ReadBytes(otherLength);
        if (reader.Position != rdEnd)
        {
            throw new DnsFormatException($"TSIG RDATA at offset {offset} is {rdLength} octets long but its fields take {reader.Position - rdEnd + rdLength}");
        }

        return new TsigRecord(offset, keyName, algorithm, timeSigned, fudge, macOffset, macLength, originalId, error, otherOffset, otherLength);
    }

    internal static ulong ReadUInt48(ReadOnlySpan<byte> bytes) =>
        ((ulong)BinaryPrimitives.ReadUInt16BigEndian(bytes) << 32) | BinaryPrimitives.ReadUInt32BigEndian(bytes[2..]);

    internal static void WriteUInt48(Span<byte> destination, ulong value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(value >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)value);
    }
}
