namespace Zonal.Storage;

/// <summary>A TSIG key the servers of a pool, or of one zone, sign transfers and notifies with.</summary>
public sealed class TsigKeyRow : IAdminRow
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The BIND short name, e.g. <c>hmac-sha256</c>.</summary>
    public required string Algorithm { get; set; }

    public required string Secret { get; set; }

    /// <summary>POOL or ZONE: what <see cref="ResourceId"/> names.</summary>
    public required string Scope { get; set; }

    public Guid ResourceId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
