using System.Globalization;

namespace Zonal.Dns.ZoneFiles;

/// <summary>
/// Writes a zone in one canonical, readable form: <c>$ORIGIN</c> and <c>$TTL</c> first, the SOA, then
/// owners in canonical DNS order (RFC 4034 §6.1), types in numeric order, names relative to the
/// origin, the owner left blank when it repeats, one TTL per RRset (the first read) and repeats
/// dropped. Both <see cref="ZoneReader"/> and BIND read it back.
/// </summary>
public static class ZoneWriter
{
    public static void Write(TextWriter writer, DnsName origin, IEnumerable<DnsRecord> records)
    {
        var sorted = records.ToList();

        // One TTL per RRset: the first one read, which is also the TTL BIND keeps.
        var setTtls = new Dictionary<(DnsName, RecordType), uint>();
        foreach (var record in sorted)
        {
            setTtls.TryAdd((record.Name, record.Type), record.Ttl);
        }

        sorted.Sort(CompareCanonical(origin));
        var soa = sorted.Find(r => r.Type == RecordType.SOA && r.Name.Equals(origin));

        writer.Write("$ORIGIN ");
        writer.Write(origin.ToString());
        writer.Write('\n');
        uint defaultTtl = soa?.Ttl ?? (sorted.Count > 0 ? sorted[0].Ttl : 0);
        writer.Write("$TTL ");
        writer.Write(defaultTtl.ToString(CultureInfo.InvariantCulture));
        writer.Write('\n');

        DnsName? previous = null;
        DnsRecord? last = null;
        foreach (var record in sorted)
        {
            // A record repeated in the input is one record in the zone.
            if (last is not null && last.Type == record.Type && last.Name.Equals(record.Name) && Rdata.DataEquals(record.Type, last.Data, record.Data))
            {
                continue;
            }

            last = record;
            string owner = previous is not null && previous.Equals(record.Name) ? "" : record.Name.ToString(origin);
            previous = record.Name;
            writer.Write(owner);
            writer.Write('\t');
            uint ttl = setTtls[(record.Name, record.Type)];
            if (ttl != defaultTtl)
            {
                writer.Write(ttl.ToString(CultureInfo.InvariantCulture));
            }

            writer.Write('\t');
            writer.Write(RecordClassNames.ToText(record.Class));
            writer.Write('\t');
            writer.Write(RecordTypeNames.ToText(record.Type));
            writer.Write('\t');
            writer.Write(Rdata.Format(record.Type, record.Data, origin));
            writer.Write('\n');
        }
    }

    public static string ToText(DnsName origin, IEnumerable<DnsRecord> records)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, origin, records);
        return writer.ToString();
    }

    /// <summary>The apex SOA first, then canonical name order, type, and RDATA octets (RFC 4034 §6.3).</summary>
    private static Comparison<DnsRecord> CompareCanonical(DnsName origin) => (a, b) =>
    {
        bool aSoa = a.Type == RecordType.SOA && a.Name.Equals(origin);
        bool bSoa = b.Type == RecordType.SOA && b.Name.Equals(origin);
        if (aSoa != bSoa)
        {
            return aSoa ? -1 : 1;
        }

        int order = a.Name.CompareTo(b.Name);
        if (order != 0)
        {
            return order;
        }

        order = ((ushort)a.Type).CompareTo((ushort)b.Type);
        return order != 0 ? order : a.Data.AsSpan().SequenceCompareTo(b.Data);
    };
}
