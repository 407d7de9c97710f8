namespace Zonal.Storage;

/// <summary>An offer to hand a zone to another project, redeemed with its key.</summary>
public sealed class TransferRequestRow
{
    public Guid Id { get; set; }

    public Guid ZoneId { get; set; }

    /// <summary>The zone owner that made the offer.</summary>
    public required string ProjectId { get; set; }

    /// <summary>The only project that may accept; null lets any project with the key accept.</summary>
    public string? TargetProjectId { get; set; }

    public string? Description { get; set; }

    public required string Key { get; set; }

    public required string Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
