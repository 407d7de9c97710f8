using System.Buffers.Binary;

namespace Zonal.Dns.Messages;

public sealed partial class DnsMessage
{
    /// <summary>
    /// Offset where the message's last record starts (the TSIG record, when the message is signed), or -1 when
    /// it has no records. Walks the sections without decoding them, so a TSIG check can cut the record off and
    /// recompute the MAC over the octets before it with ARCOUNT lowered by one (RFC 8945 §4.3).
    /// </summary>
    public static int FindLastRecordOffset(ReadOnlySpan<byte> message)
    {
        if (message.Length < HeaderSize)
        {
            throw new DnsFormatException($"message of {message.Length} octets is shorter than the {HeaderSize}-octet header");
        }

        int questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        int records = BinaryPrimitives.ReadUInt16BigEndian(message[6..])
            + BinaryPrimitives.ReadUInt16BigEndian(message[8..])
            + BinaryPrimitives.ReadUInt16BigEndian(message[10..]);
        if (records == 0)
        {
            return -1;
        }

        var reader = new WireReader(message, HeaderSize);
        for (int i = 0; i < questions; i++)
        {
            MessageWire.SkipName(ref reader);
            reader.ReadBytes(4);
        }

        int last = -1;
        for (int i = 0; i < records; i++)
        {
            last = reader.Position;
            MessageWire.SkipName(ref reader);
            reader.ReadBytes(8);
            reader.ReadBytes(reader.ReadUInt16());
        }

        return last;
    }

    /// <summary>The header's ARCOUNT, which a TSIG check lowers by one before recomputing the MAC.</summary>
    public static ushort ReadAdditionalCount(ReadOnlySpan<byte> message) =>
        message.Length >= HeaderSize
            ? BinaryPrimitives.ReadUInt16BigEndian(message[10..])
            : throw new DnsFormatException($"message of {message.Length} octets is shorter than the {HeaderSize}-octet header");
}
