using System.Buffers.Binary;

namespace Zonal.Dns.Tsig;

/// <summary>Where a message's TSIG record sits, found by walking the sections without decoding them.</summary>
internal static class TsigMessageLayout
{
    public const int HeaderLength = 12;
    public const int IdOffset = 0;
    public const int FlagsOffset = 2;
    public const int QdCountOffset = 4;
    public const int ArCountOffset = 10;

    /// <summary>Finds the TSIG record: none (-1), or its offset; a TSIG anywhere but last in the additional section is misplaced.</summary>
    public static TsigPlacement Locate(ReadOnlySpan<byte> message, out int tsigOffset)
    {
        tsigOffset = -1;
        if (message.Length < HeaderLength)
        {
            throw new DnsFormatException($"message of {message.Length} octets is shorter than the {HeaderLength}-octet header");
        }

        int questions = BinaryPrimitives.ReadUInt16BigEndian(message[QdCountOffset..]);
        int answers = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        int authority = BinaryPrimitives.ReadUInt16BigEndian(message[8..]);
        int additional = BinaryPrimitives.ReadUInt16BigEndian(message[ArCountOffset..]);
        int pos = QuestionsEnd(message, questions);
        int records = answers + authority + additional;
        var placement = TsigPlacement.None;
        for (int i = 0; i < records; i++)
        {
            int start = pos;
            pos = SkipName(message, pos);
            Need(message, pos, 10);
            var type = (RecordType)BinaryPrimitives.ReadUInt16BigEndian(message[pos..]);
            int rdLength = BinaryPrimitives.ReadUInt16BigEndian(message[(pos + 8)..]);
            pos += 10;
            Need(message, pos, rdLength);
            pos += rdLength;
            if (type == RecordType.TSIG)
            {
                if (i != records - 1 || additional == 0 || placement != TsigPlacement.None)
                {
                    placement = TsigPlacement.Misplaced;
                }
                else
                {
                    placement = TsigPlacement.Last;
                    tsigOffset = start;
                }
            }
        }

        return placement;
    }

    /// <summary>Offset just past the question section.</summary>
    public static int QuestionsEnd(ReadOnlySpan<byte> message, int questions)
    {
        int pos = HeaderLength;
        for (int i = 0; i < questions; i++)
        {
            pos = SkipName(message, pos);
            Need(message, pos, 4);
            pos += 4;
        }

        return pos;
    }

    private static int SkipName(ReadOnlySpan<byte> message, int pos)
    {
        while (true)
        {
            Need(message, pos, 1);
            int b = message[pos];
            if (b == 0)
            {
                return pos + 1;
            }

            if ((b & 0xC0) == 0xC0)
            {
                Need(message, pos, 2);
                return pos + 2;
            }

            if ((b & 0xC0) != 0)
            {
                throw new DnsFormatException($"unsupported label type 0x{b & 0xC0:x2} at offset {pos}");
            }

            pos += b + 1;
        }
    }

    private static void Need(ReadOnlySpan<byte> message, int pos, int count)
    {
        if (pos + count > message.Length)
        {
            throw new DnsFormatException($"message ends at offset {message.Length}, {count} more octets were expected at offset {pos}");
        }
    }
}

internal enum TsigPlacement
{
    None,
    Last,
    Misplaced,
}
