namespace Zonal.Pools;

/// <summary>One of the NS records a pool gives its zones, by priority.</summary>
public sealed record PoolNsRecord(string Hostname, int Priority);
