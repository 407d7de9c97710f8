namespace Zonal.Dns.Messages;

public sealed partial class DnsMessage
{
    /// <summary>Encodes into a new array, truncating to <paramref name="maxSize"/> as <see cref="Encode(WireWriter, int)"/> does.</summary>
    public byte[] Encode(int maxSize = MaxSize)
    {
        using var writer = new WireWriter();
        Encode(writer, maxSize);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Encodes with name compression into <paramref name="writer"/>, which is reset first (pointers are
    /// offsets from the message start). When the message would exceed <paramref name="maxSize"/> (512 for
    /// plain UDP, the client's EDNS payload size, 65535 for TCP), whole RRsets are dropped from the end;
    /// TC is set when an answer or authority record was dropped, while additional records go silently
    /// (RFC 2181 §9). The header, the question, the OPT record and a final TSIG record are always written.
    /// Returns true when any record was dropped.
    /// </summary>
    public bool Encode(WireWriter writer, int maxSize = MaxSize)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, HeaderSize);
        if ((ushort)Rcode > 0xF && Edns is null)
        {
            throw new InvalidOperationException($"rcode {RcodeNames.ToText(Rcode)} needs EDNS to be carried");
        }

        if ((ushort)Rcode > 0xFFF)
        {
            throw new InvalidOperationException($"rcode {(ushort)Rcode} does not fit in 12 bits");
        }

        writer.Reset();
        MessageWire.WriteHeader(writer, Id, HeaderFlags.Pack(this));
        foreach (var question in Questions)
        {
            MessageWire.WriteQuestion(writer, question);
        }

        // A TSIG record stays last, after the OPT record (RFC 8945 §4.2), and is never dropped.
        var tsig = Tsig;
        int plainAdditional = Additional.Count - (tsig is null ? 0 : 1);
        int tsigLength = tsig is null ? 0 : tsig.Name.WireLength + 10 + tsig.Data.Length;
        int limit = Math.Min(maxSize, MaxSize) - (Edns?.WireLength ?? 0) - tsigLength;
        int answers = WriteSection(writer, Answers, Answers.Count, limit);
        int authority = answers == Answers.Count ? WriteSection(writer, Authority, Authority.Count, limit) : 0;
        bool truncated = answers < Answers.Count || authority < Authority.Count;
        int additional = truncated ? 0 : WriteSection(writer, Additional, plainAdditional, limit);
        if (truncated)
        {
            writer.PatchUInt16(2, (ushort)(HeaderFlags.Pack(this) | HeaderFlags.Truncated));
        }

        Edns?.Write(writer, Rcode);
        if (tsig is not null)
        {
            MessageWire.WriteRecord(writer, tsig);
        }

        int additionalCount = additional + (Edns is null ? 0 : 1) + (tsig is null ? 0 : 1);
        MessageWire.PatchCounts(writer, Questions.Count, answers, authority, additionalCount);
        return truncated || additional < plainAdditional;
    }

    /// <summary>Writes records while they fit under <paramref name="limit"/>, rolling back the RRset that does not; returns how many were kept.</summary>
    private static int WriteSection(WireWriter writer, List<DnsRecord> records, int count, int limit)
    {
        int rrsetStart = writer.Position, rrsetFirst = 0;
        for (int i = 0; i < count; i++)
        {
            if (i > 0 && !MessageWire.SameRRset(records[i - 1], records[i]))
            {
                rrsetStart = writer.Position;
                rrsetFirst = i;
            }

            MessageWire.WriteRecord(writer, records[i]);
            if (writer.Position > limit)
            {
                writer.Truncate(rrsetStart);
                return rrsetFirst;
            }
        }

        return count;
    }
}
