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

public sealed record PoolNsRecord(string Hostname, int Priority);

/// <summary>A host and port: a nameserver polled for serials, a target's master, an also-notify receiver.</summary>
public sealed record PoolServer(string Host, int Port);

/// <summary>A backend the pool's zones are pushed to; <see cref="Type"/> names the backend driver.</summary>
public sealed record PoolTarget(string Type, string? Description, IReadOnlyList<PoolServer> Masters, IReadOnlyDictionary<string, string> Options);
