namespace Zonal.Pools;

/// <summary>A backend the pool's zones are pushed to; <see cref="Type"/> names the backend driver.</summary>
public sealed record PoolTarget(string Type, string? Description, IReadOnlyList<PoolServer> Masters, IReadOnlyDictionary<string, string> Options);
