namespace Zonal.Storage;

/// <summary>A completed acceptance of a transfer request: the zone moved to <see cref="ProjectId"/>.</summary>
public sealed class TransferAcceptRow
{
    public Guid Id { get; set; }

    public Guid ZoneTransferRequestId { get; set; }

    public Guid ZoneId { get; set; }

    /// <summary>The accepting project, the zone's new owner.</summary>
    public required string ProjectId { get; set; }

    public required string Key { get; set; }

    public required string Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
