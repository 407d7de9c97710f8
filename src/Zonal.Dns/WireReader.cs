using System.Buffers.Binary;

namespace Zonal.Dns;

/// <summary>
/// Reads big-endian fields from a DNS message. Every read checks bounds and throws
/// <see cref="DnsFormatException"/> rather than reading past the end.
/// </summary>
public ref struct WireReader
{
    public WireReader(ReadOnlySpan<byte> message, int position = 0)
    {
        Message = message;
        Position = position;
    }

    /// <summary>The whole message: names may point anywhere before the current position.</summary>
    public ReadOnlySpan<byte> Message { get; }

    public int Position { get; set; }

    public readonly int Remaining => Message.Length - Position;

    public byte ReadByte()
    {
        Need(1);
        return Message[Position++];
    }

    public ushort ReadUInt16()
    {
        Need(2);
        ushort value = BinaryPrimitives.ReadUInt16BigEndian(Message[Position..]);
        Position += 2;
        return value;
    }

    public uint ReadUInt32()
    {
        Need(4);
        uint value = BinaryPrimitives.ReadUInt32BigEndian(Message[Position..]);
        Position += 4;
        return value;
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        Need(count);
        var bytes = Message.Slice(Position, count);
        Position += count;
        return bytes;
    }

    public DnsName ReadName()
    {
        int offset = Position;
        var name = DnsName.Read(Message, ref offset);
        Position = offset;
        return name;
    }

    private readonly void Need(int count)
    {
        if (count < 0 || Position + count > Message.Length)
        {
            throw new DnsFormatException($"message ends at offset {Message.Length}, {count} more octets were expected at offset {Position}");
        }
    }
}
