namespace Zonal.Storage;

/// <summary>
/// A project's live zones, kept by triggers of schema script 0010 (never written by the service), so
/// an unfiltered zone list can answer its total_count without counting.
/// </summary>
public sealed class ZoneCountRow
{
    public required string ProjectId { get; init; }

    public long Live { get; init; }
}
