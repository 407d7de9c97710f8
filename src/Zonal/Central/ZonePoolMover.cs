using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// pool_move: the zone takes another pool, its apex NS and SOA are rewritten from that pool's
/// ns_records, and it goes out as an UPDATE, in one transaction with its outbox row. The pool it
/// left is kept on the zone: the worker then creates the zone on the new pool's targets and deletes
/// it from the old pool's, and the zone turns ACTIVE only when both are confirmed.
/// </summary>
public sealed class ZonePoolMover(
    ZonalDbContext db,
    WriteTransactions transactions,
    ZoneScope zones,
    ApexNameServers nameServers,
    ManagedRecords managed,
    OutboxSignal outbox,
    PoolScheduler scheduler,
    PoolKeyRule poolKeys,
    IOptions<ZonalOptions> options,
    Policy policy,
    CatalogZones catalogs,
    TimeProvider clock,
    ILogger<ZonePoolMover> logger) : ICallHandler<MoveZonePool, ZoneView>
{
    public async Task<ZoneView> HandleAsync(MoveZonePool call, CancellationToken ct)
    {
        await using var tx = await transactions.BeginAsync(ct);
        var zone = await zones.FindForWriteAsync(call.Context, call.ZoneId, ct);
        policy.Enforce("pool_move_zone", call.Context, zone.ProjectId);
        ZoneFieldRules.RejectDeleting(zone);
        var target = call.PoolId
            ?? await scheduler.ScheduleAsync(call.Context, JsonSerializer.Deserialize<Dictionary<string, string>>(zone.Attributes) ?? [], ct);
        if (target == zone.PoolId)
        {
            throw ServiceError.BadRequest("The zone is already in the target pool");
        }

        var stored = await db.Pools.AsNoTracking().Where(p => p.Id == target).Select(p => new { p.NsRecords, p.CatalogZone }).FirstOrDefaultAsync(ct);
        if (stored is null && target != options.Value.DefaultPool.Id)
        {
            throw ServiceError.BadRequest($"No pool with id {target}");
        }

        await poolKeys.EnforceAsync(target, ct);
        managed.Remember(target, stored?.NsRecords);
        catalogs.Remember(target, stored?.CatalogZone);
        if (zone.MovedFromPoolId is { } unfinished && unfinished != target)
        {
            // Only the latest pool left is remembered: the earlier one may keep a stale copy.
            logger.LogWarning("zone {ZoneId} ({Zone}) moves on to pool {Target} before its move from pool {Earlier} was confirmed; that pool may still hold it",
                zone.Id, zone.Name, target, unfinished);
        }

        // Until the move is confirmed the worker creates the zone in the new pool and deletes it from this one.
        var left = zone.PoolId;
        zone.MovedFromPoolId = left;
        zone.PoolId = target;
        await nameServers.RewriteAsync(zone, ct);
        // The member leaves one catalog and joins the other: both serials move, so both pools' targets pull them.
        var now = clock.GetUtcNow().UtcDateTime;
        await catalogs.TouchAsync(left, now, ct);
        await catalogs.TouchAsync(target, now, ct);

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Notify();
        return ViewMapper.ToView(zone, await zones.IsSharedAsync(zone.Id, ct));
    }
}
