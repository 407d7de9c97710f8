using System.Text;

namespace Zonal.Storage;

/// <summary>One served record as stored: absolute owner, TTL, type and RDATA text, as the record tables hold them.</summary>
public readonly record struct StoredRecord(string Name, long Ttl, string Type, string Data);

/// <summary>The text form of <see cref="ZoneJournalRow.Deleted"/> and <see cref="ZoneJournalRow.Added"/>: one tab-separated record per line.</summary>
public static class JournalLines
{
    public static string Format(IEnumerable<StoredRecord> records)
    {
        var text = new StringBuilder();
        foreach (var record in records)
        {
            text.Append(record.Name).Append('\t').Append(record.Ttl).Append('\t').Append(record.Type).Append('\t').Append(record.Data).Append('\n');
        }

        return text.ToString();
    }

    public static IEnumerable<StoredRecord> Parse(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t', 4);
            if (fields.Length != 4 || !long.TryParse(fields[1], System.Globalization.CultureInfo.InvariantCulture, out long ttl))
            {
                throw new FormatException($"zone journal line '{line}' is not owner<TAB>ttl<TAB>type<TAB>rdata");
            }

            yield return new StoredRecord(fields[0], ttl, fields[2], fields[3]);
        }
    }
}
