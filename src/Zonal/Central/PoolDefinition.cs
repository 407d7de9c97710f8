using Zonal.Pools;

namespace Zonal.Central;

/// <summary>A pool as pools.yaml describes it (Designate's format), before validation.</summary>
public sealed record PoolDefinition(
    Guid? Id,
    string? Name,
    string? Description,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<PoolNsRecord> NsRecords,
    IReadOnlyList<PoolServer> Nameservers,
    IReadOnlyList<PoolTarget> Targets,
    IReadOnlyList<PoolServer> AlsoNotifies,
    PoolCatalogZone? CatalogZone = null);

/// <summary>pools.yaml's catalog_zone: the pool's RFC 9432 catalog, optionally with a TSIG key for its transfers.</summary>
public sealed record PoolCatalogZone(string Fqdn, int Refresh, string? TsigKey = null, string? TsigAlgorithm = null);
