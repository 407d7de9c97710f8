using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Domain;
using Zonal.Messaging.Contracts.Worker;
using Zonal.Pools;
using Zonal.Storage;

namespace Zonal.Worker;

/// <summary>Reads what a PropagateZone needs beyond the message: the zone's name, its pool's topology, and the old pool's during a pool_move.</summary>
/// <param name="unloaded">The topology of a pool pools.yaml has not written (its ns_records are still empty).</param>
public sealed class ZoneChangeSource(IServiceScopeFactory scopes, IUnloadedPoolTopology? unloaded = null) : IZoneChangeSource
{
    public async Task<ZoneChange?> LoadAsync(PropagateZone request, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZonalDbContext>();
        // The zone, its pool and the pool a pool_move left (if unconfirmed) in one round trip.
        var zone = await db.Zones.AsNoTracking().Where(z => z.Id == request.ZoneId && z.DeletedAt == null)
            .Select(z => new
            {
                z.Name,
                Pool = db.Pools.FirstOrDefault(p => p.Id == z.PoolId),
                z.MovedFromPoolId,
                MovedFrom = db.Pools.FirstOrDefault(p => p.Id == z.MovedFromPoolId),
            }).FirstOrDefaultAsync(ct);
        if (zone is null)
        {
            return null;
        }

        var movedFrom = zone.MovedFromPoolId is null ? null : Topology(zone.MovedFrom);
        return new ZoneChange(request.ZoneId, zone.Name, request.Action, request.Serial, request.HardDelete, Topology(zone.Pool), movedFrom);
    }

    private PoolTopology Topology(PoolRow? pool) =>
        // pools.yaml always gives ns_records, so empty ones mark the seeded default pool.
        pool is null || PoolJson.Read<List<PoolNsRecord>>(pool.NsRecords).Count == 0
            ? unloaded?.Current ?? PoolTopology.Empty
            : new PoolTopology(
                PoolJson.Read<List<PoolTarget>>(pool.Targets),
                PoolJson.Read<List<PoolServer>>(pool.Nameservers),
                PoolJson.Read<List<PoolServer>>(pool.AlsoNotifies),
                pool.CatalogZone);
}

/// <summary>Where the worker learns a change's zone and pool; tests give it one without storage.</summary>
public interface IZoneChangeSource
{
    /// <summary>Null when the zone is gone (purged, or its delete already confirmed): nothing to do.</summary>
    Task<ZoneChange?> LoadAsync(PropagateZone request, CancellationToken ct);
}
