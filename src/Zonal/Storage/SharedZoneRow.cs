namespace Zonal.Storage;

/// <summary>A zone its owner shared with another project, which may then see it and add record sets.</summary>
public sealed class SharedZoneRow
{
    public Guid Id { get; set; }

    public Guid ZoneId { get; set; }

    /// <summary>The zone owner that shared it.</summary>
    public required string ProjectId { get; set; }

    public required string TargetProjectId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
