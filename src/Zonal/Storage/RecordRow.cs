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

    // Set only on records the service keeps for something outside DNS (schema script 0015): a floating
    // IP's PTR, or the sink's records for instances and floating IPs. Designate's names and meanings.
    public string? ManagedPluginName { get; set; }

    public string? ManagedPluginType { get; set; }

    public string? ManagedResourceType { get; set; }

    public string? ManagedResourceId { get; set; }

    public string? ManagedResourceRegion { get; set; }

    public string? ManagedExtra { get; set; }

    public string? ManagedTenantId { get; set; }
}
