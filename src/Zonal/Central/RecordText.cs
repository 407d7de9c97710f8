using Zonal.Dns;

namespace Zonal.Central;

/// <summary>
/// Record data as the API stores it versus zone-file text. They differ only for CAA, whose value
/// Designate keeps unquoted even when it holds spaces, while zone files quote it.
/// </summary>
public static class RecordText
{
    /// <summary>The zone-file form of stored data, which <see cref="Rdata.Parse(RecordType, string, DnsName?)"/> reads.</summary>
    public static string ToZoneFile(string type, string data)
    {
        if (type != "CAA")
        {
            return data;
        }

        var parts = data.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length < 3 ? data : $"{parts[0]} {parts[1]} \"{parts[2]}\"";
    }

    /// <summary>
    /// The stored form of zone-file text written by <see cref="Rdata.Format"/> (names absolute). Escapes
    /// inside a CAA value stay as written, so the two directions are inverse.
    /// </summary>
    public static string FromZoneFile(string type, string text)
    {
        if (type != "CAA")
        {
            return text;
        }

        var parts = text.Split(' ', 3);
        if (parts.Length < 3 || parts[2].Length < 2 || parts[2][0] != '"' || parts[2][^1] != '"')
        {
            return text;
        }

        return $"{parts[0]} {parts[1]} {parts[2][1..^1]}";
    }

    /// <summary>A stored record as a DNS record of the zone.</summary>
    public static DnsRecord ToRecord(DnsName owner, string type, uint ttl, string data)
    {
        var recordType = RecordTypeNames.Parse(type);
        return new DnsRecord(owner, recordType, RecordClass.IN, ttl, Rdata.Parse(recordType, ToZoneFile(type, data)));
    }
}
