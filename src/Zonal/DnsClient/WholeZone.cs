using Zonal.Dns;

namespace Zonal.DnsClient;

/// <summary>
/// The frame of a transfer answer (RFC 5936 §2.2, RFC 1995 §4): it opens with the zone's SOA and closes with
/// an SOA of the same serial; a record between belongs when it is in the zone and not a type a zone never holds.
/// </summary>
public static class WholeZone
{
    /// <summary>The serial of the opening SOA; throws <see cref="ZoneDataException"/> when the answer does not open with the zone's SOA.</summary>
    public static uint Open(DnsName origin, IReadOnlyList<DnsRecord> records) =>
        records.Count > 0 && records[0].Type == RecordType.SOA && records[0].Name.Equals(origin)
            ? SoaTimers.Read(records[0]).Serial
            : throw new ZoneDataException($"transfer of {origin} does not start with the zone's SOA");

    /// <summary>Throws <see cref="ZoneDataException"/> unless the answer closes with the SOA of <paramref name="serial"/>.</summary>
    public static void Close(DnsName origin, IReadOnlyList<DnsRecord> records, uint serial)
    {
        var last = records[^1];
        if (last.Type != RecordType.SOA || SoaTimers.Read(last).Serial != serial)
        {
            throw new ZoneDataException($"transfer of {origin} does not end with the SOA of serial {serial}");
        }
    }

    /// <summary>Whether a record other than the apex SOA may be held: in the zone, and not a type that never is.</summary>
    public static bool BelongsBelowApex(DnsName origin, DnsRecord record) =>
        record.Name.IsSubdomainOf(origin) && record.Type is not (RecordType.SOA or RecordType.OPT or RecordType.TSIG);
}
