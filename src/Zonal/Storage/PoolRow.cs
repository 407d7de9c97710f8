namespace Zonal.Storage;

/// <summary>A pool as loaded from pools.yaml; the lists and maps are stored as JSON text.</summary>
public sealed class PoolRow
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public string Attributes { get; set; } = "{}";

    public string NsRecords { get; set; } = "[]";

    public string Nameservers { get; set; } = "[]";

    public string Targets { get; set; } = "[]";

    public string AlsoNotifies { get; set; } = "[]";

    /// <summary>The name of the pool's live CATALOG zone; null when the pool has none (schema 0018).</summary>
    public string? CatalogZone { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
