using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Gives zones the NS records and SOA MNAME of their pool's ns_records: after a pool_move, and when
/// pools.yaml changes a pool's ns_records (Designate updates the pool's zones' NS record sets then).
/// Each rewrite is a zone change with a new serial and an outbox row.
/// </summary>
public sealed class ApexNameServers(ZonalDbContext db, ZoneChangeRecorder changes, ManagedRecords managed)
{
    /// <summary>Bumps the zone's serial (the SOA takes the pool's first NS) and rewrites a PRIMARY zone's managed apex NS set.</summary>
    public async Task RewriteAsync(ZoneRow zone, CancellationToken ct)
    {
        var serial = await changes.RecordUpdateAsync(zone, ct);
        if (zone.Type != ZoneType.Primary)
        {
            return;
        }

        var servers = await managed.NameServersAsync(zone.PoolId, ct);
        var sets = await db.RecordSets.Include(s => s.Records)
            .Where(s => s.ZoneId == zone.Id && s.Type == "NS" && s.Managed).ToListAsync(ct);
        var wanted = servers.Select(ns => ns.Hostname).Distinct(StringComparer.Ordinal).ToList();
        foreach (var set in sets)
        {
            RecordSetWriter.Rewrite(set, wanted, serial, changes.Now, managed: true);
        }
    }

    /// <summary>
    /// The pool's ns_records become <paramref name="nsRecords"/> (a pool row's JSON), before they are saved:
    /// if that changes its name servers, every live PRIMARY zone of the pool not being deleted is
    /// rewritten. Returns how many; the caller saves.
    /// </summary>
    public async Task<int> RewritePoolAsync(Guid poolId, string nsRecords, CancellationToken ct)
    {
        var before = await managed.NameServersAsync(poolId, ct);
        managed.Remember(poolId, nsRecords);
        if (before.SequenceEqual(await managed.NameServersAsync(poolId, ct)))
        {
            return 0;
        }

        var zones = await db.Zones.Where(z => z.PoolId == poolId && z.DeletedAt == null && z.Type == ZoneType.Primary && z.Action != ChangeAction.Delete)
            .ToListAsync(ct);
        foreach (var zone in zones)
        {
            await RewriteAsync(zone, ct);
        }

        return zones.Count;
    }
}
