using Microsoft.EntityFrameworkCore;
using Zonal.Configuration;
using Zonal.Messaging.Contracts;
using Zonal.Pools;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>The NS records a pool gives its zones.</summary>
public static class PoolNameServers
{
    /// <summary>
    /// The pool's stored NS records by priority; a pool that has none (the default pool before any
    /// pools.yaml was loaded) or is missing falls back to the configured default pool's.
    /// </summary>
    public static IReadOnlyList<NameServerView> Of(string? stored, PoolOptions fallback)
    {
        var records = stored is null ? [] : PoolJson.Read<List<PoolNsRecord>>(stored);
        return records.Count > 0
            ? records.OrderBy(r => r.Priority).Select(r => new NameServerView(r.Hostname, r.Priority)).ToList()
            : fallback.EffectiveNsRecords.Select(r => new NameServerView(r.Hostname, r.Priority)).ToList();
    }

    public static async Task<IReadOnlyList<NameServerView>> ReadAsync(ZonalDbContext db, Guid poolId, PoolOptions fallback, CancellationToken ct)
    {
        var stored = await db.Pools.AsNoTracking().Where(p => p.Id == poolId).Select(p => p.NsRecords).FirstOrDefaultAsync(ct);
        return Of(stored, fallback);
    }
}
