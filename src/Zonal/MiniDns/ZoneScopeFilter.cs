using Zonal.Storage;

namespace Zonal.MiniDns;

/// <summary>
/// Which zones a request may see (contract §9): unsigned, the default pool's; signed with a POOL key,
/// that pool's; signed with a ZONE key, that zone alone.
/// </summary>
public sealed record ZoneScopeFilter(Guid? PoolId, Guid? ZoneId)
{
    public static ZoneScopeFilter Pool(Guid poolId) => new(poolId, null);

    public static ZoneScopeFilter ForKey(TsigKeyRow key) =>
        string.Equals(key.Scope, "ZONE", StringComparison.OrdinalIgnoreCase) ? new(null, key.ResourceId) : new(key.ResourceId, null);

    public IQueryable<ZoneRow> Apply(IQueryable<ZoneRow> zones) =>
        ZoneId is { } zoneId ? zones.Where(z => z.Id == zoneId) : zones.Where(z => z.PoolId == PoolId);
}
