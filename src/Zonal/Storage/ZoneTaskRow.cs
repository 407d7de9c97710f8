namespace Zonal.Storage;

/// <summary>A zone import or export request and how it ended (Designate's zone_imports and zone_exports).</summary>
public sealed class ZoneTaskRow
{
    public Guid Id { get; set; }

    /// <summary><see cref="Domain.ZoneTaskKind.Import"/> or <see cref="Domain.ZoneTaskKind.Export"/>.</summary>
    public required string Kind { get; set; }

    public required string ProjectId { get; set; }

    public required string Status { get; set; }

    public string? Message { get; set; }

    public Guid? ZoneId { get; set; }

    /// <summary>Where a finished export can be fetched: designate://v2/zones/tasks/exports/{id}/export.</summary>
    public string? Location { get; set; }

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
