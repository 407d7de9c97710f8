namespace Zonal.Dns.Messages;

/// <summary>Field writers shared by <see cref="DnsMessage"/> encoding and <see cref="DnsMessagePacker"/>.</summary>
internal static class MessageWire
{
    public const int CountsOffset = 4;

    /// <summary>Writes the header with zero counts; <see cref="PatchCounts"/> fills them in once the sections are written.</summary>
    public static void WriteHeader(WireWriter writer, ushort id, ushort flags)
    {
        writer.WriteUInt16(id);
        writer.WriteUInt16(flags);
        writer.WriteUInt32(0);
        writer.WriteUInt32(0);
    }

    public static void PatchCounts(WireWriter writer, int questions, int answers, int authority, int additional)
    {
        writer.PatchUInt16(CountsOffset, checked((ushort)questions));
        writer.PatchUInt16(CountsOffset + 2, checked((ushort)answers));
        writer.PatchUInt16(CountsOffset + 4, checked((ushort)authority));
        writer.PatchUInt16(CountsOffset + 6, checked((ushort)additional));
    }

    public static void WriteQuestion(WireWriter writer, DnsQuestion question)
    {
        writer.WriteName(question.Name);
        writer.WriteUInt16((ushort)question.Type);
        writer.WriteUInt16((ushort)question.Class);
    }

    public static void WriteRecord(WireWriter writer, DnsRecord record)
    {
        if (record.Type == RecordType.OPT)
        {
            throw new ArgumentException("OPT is written from DnsMessage.Edns, not as a record", nameof(record));
        }

        // Owner names of TSIG records are never compressed (RFC 8945 §4.2).
        writer.WriteName(record.Name, compress: record.Type != RecordType.TSIG);
        writer.WriteUInt16((ushort)record.Type);
        writer.WriteUInt16((ushort)record.Class);
        writer.WriteUInt32(record.Ttl);
        int lengthAt = writer.Position;
        writer.WriteUInt16(0);
        if (record.Data.Length > 0)
        {
            Rdata.Write(record.Type, record.Data, writer);
        }

        int length = writer.Position - lengthAt - 2;
        if (length > ushort.MaxValue)
        {
            throw new ArgumentException($"RDATA of {length} octets is longer than a record holds", nameof(record));
        }

        writer.PatchUInt16(lengthAt, (ushort)length);
    }

    /// <summary>True when two neighbouring records belong to the same RRset (same owner, type and class).</summary>
    public static bool SameRRset(DnsRecord a, DnsRecord b) =>
        a.Type == b.Type && a.Class == b.Class && a.Name.Equals(b.Name);

    /// <summary>Steps over a possibly compressed name without following pointers, so it cannot loop.</summary>
    public static void SkipName(ref WireReader reader)
    {
        while (true)
        {
            byte length = reader.ReadByte();
            if (length == 0)
            {
                return;
            }

            switch (length & 0xC0)
            {
                case 0x00:
                    reader.ReadBytes(length);
                    break;
                case 0xC0:
                    reader.ReadByte();
                    return;
                default:
                    throw new DnsFormatException($"unsupported label type 0x{length & 0xC0:x2} at offset {reader.Position - 1}");
            }
        }
    }
}
