namespace Zonal.Storage;

/// <summary>One RDATA string of a record set, with its own propagation state.</summary>
public sealed class RecordRow
{
    public Guid Id { get; set; }

    public Guid RecordSetId { get; set; }

    public Guid ZoneId { get; set; }

    public required string Data { get; set; }

    public bool Managed { get; set; }

    public required string Status { get; set; }

    public required string Action { get; set; }

    /// <summary>The zone serial that carries this record's last change.</summary>
    public long Serial { get; set; }

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
