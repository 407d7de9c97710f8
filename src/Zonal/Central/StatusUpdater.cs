using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Applies the worker's report: changes up to the confirmed serial become ACTIVE, records removed
/// from the nameservers leave storage, and a confirmed DELETE soft-deletes the zone.
/// </summary>
public sealed class StatusUpdater(ZonalDbContext db, WriteTransactions transactions, ZoneLock zoneLock, TimeProvider clock, ILogger<StatusUpdater> logger)
    : ICastHandler<UpdateStatus>
{
    public async Task HandleAsync(UpdateStatus cast, CancellationToken ct)
    {
        await using var tx = await transactions.BeginAsync(ct);
        var zone = await zoneLock.LockAsync(cast.ZoneId, ct);
        if (zone is null || zone.DeletedAt is not null || zone.Action != cast.Action && zone.Action != ChangeAction.None)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;

        // A success also settles records an earlier failed attempt left in ERROR.
        var records = await db.Records
            .Where(r => r.ZoneId == zone.Id && r.Serial <= cast.Serial && (r.Status == Status.Pending || cast.Success && r.Status == Status.Error))
            .ToListAsync(ct);
        if (cast.Success && records.Count == 0 && zone.Action == ChangeAction.None)
        {
            return;
        }

        foreach (var record in records)
        {
            if (!cast.Success)
            {
                record.Status = Status.Error;
            }
            else if (record.Action == ChangeAction.Delete)
            {
                db.Records.Remove(record);
            }
            else
            {
                record.Status = Status.Active;
                record.Action = ChangeAction.None;
            }
        }

        zone.Version++;
        zone.UpdatedAt = now;
        if (!cast.Success)
        {
            zone.Status = Status.Error;
        }
        else if (zone.Serial <= cast.Serial)
        {
            zone.Status = zone.Action == ChangeAction.Delete ? Status.Deleted : Status.Active;
            zone.DeletedAt = zone.Action == ChangeAction.Delete ? now : null;
            zone.Action = ChangeAction.None;
            await db.Outbox.Where(o => o.ZoneId == zone.Id && o.ProcessedAt == null && o.Serial <= cast.Serial)
                .ExecuteUpdateAsync(o => o.SetProperty(x => x.ProcessedAt, now), ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (cast.Success)
        {
            logger.LogDebug("zone {ZoneId} ({Zone}) {Action} at serial {Serial}: now {Status}", zone.Id, zone.Name, cast.Action, cast.Serial, zone.Status);
        }
        else
        {
            logger.LogWarning("zone {ZoneId} ({Zone}) failed to propagate {Action} at serial {Serial}: now ERROR", zone.Id, zone.Name, cast.Action, cast.Serial);
        }
    }
}
