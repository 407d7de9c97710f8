namespace Zonal.Storage;

public sealed class RecordSetRow
{
    public Guid Id { get; set; }

    public Guid ZoneId { get; set; }

    public required string ProjectId { get; set; }

    public required string Name { get; set; }

    public required string Type { get; set; }

    public int? Ttl { get; set; }

    public string? Description { get; set; }

    /// <summary>Created by the service (SOA, apex NS): callers need the edit-managed flag to touch it.</summary>
    public bool Managed { get; set; }

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public List<RecordRow> Records { get; set; } = [];
}
