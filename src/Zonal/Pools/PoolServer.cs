namespace Zonal.Pools;

/// <summary>A host and port: a nameserver polled for serials, a target's master, an also-notify receiver.</summary>
public sealed record PoolServer(string Host, int Port);
