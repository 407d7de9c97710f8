namespace Zonal.Storage;

/// <summary>
/// A change that must reach the zone's nameservers, written in the same transaction as the change
/// itself so a crash between commit and propagation loses nothing.
/// </summary>
public sealed class OutboxRow
{
    public long Id { get; set; }

    public Guid ZoneId { get; set; }

    public required string Action { get; set; }

    public long Serial { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ProcessedAt { get; set; }

    /// <summary>A DELETE whose nameservers should also drop the zone's files (Designate's hard_delete).</summary>
    public bool HardDelete { get; set; }
}
