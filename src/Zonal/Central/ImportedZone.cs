using Zonal.Dns;
using Zonal.Dns.ZoneFiles;

namespace Zonal.Central;

/// <summary>A zone read from an uploaded file: its apex fields from the SOA and its record sets, grouped.</summary>
public sealed class ImportedZone(DnsName origin, string email, int ttl, SoaTimers soa, IReadOnlyList<ImportedRecordSet> recordSets, int recordCount)
{
    public DnsName Origin { get; } = origin;

    public string Email { get; } = email;

    public int Ttl { get; } = ttl;

    public SoaTimers Soa { get; } = soa;

    /// <summary>In the order their first record appeared; the apex SOA and NS are not among them.</summary>
    public IReadOnlyList<ImportedRecordSet> RecordSets { get; } = recordSets;

    public int RecordCount { get; } = recordCount;
}

/// <summary>One record set of an imported file, in the API's forms, and where it was first written.</summary>
public sealed class ImportedRecordSet(string name, string type, int ttl, ZonePosition position)
{
    public string Name { get; } = name;

    public string Type { get; } = type;

    /// <summary>The first TTL read for the set, as BIND keeps it.</summary>
    public int Ttl { get; } = ttl;

    public ZonePosition Position { get; } = position;

    public List<string> Records { get; } = [];
}
