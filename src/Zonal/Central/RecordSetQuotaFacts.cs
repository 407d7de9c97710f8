namespace Zonal.Central;

/// <summary>A project's own record set limits (null: the default applies) and the zone's current counts.</summary>
public sealed class RecordSetQuotaFacts
{
    public int? RecordsetRecords { get; init; }

    public int? ZoneRecordsets { get; init; }

    public int? ZoneRecords { get; init; }

    /// <summary>Record sets in the zone (counted for a new set only).</summary>
    public int Sets { get; init; }

    /// <summary>Live records in the zone outside the set being written.</summary>
    public int Others { get; init; }
}
