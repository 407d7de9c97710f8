namespace Zonal.Storage;

/// <summary>
/// A zone's record sets and live records (action other than DELETE), kept by triggers of schema script
/// 0012 (never written by the service), so record set quotas need not count the zone on each write.
/// </summary>
public sealed class ZoneContentCountRow
{
    public Guid ZoneId { get; init; }

    public long Recordsets { get; init; }

    public long Records { get; init; }
}
