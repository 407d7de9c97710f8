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
/// <remarks>
/// Set-based: after the zone lock, one batch of statements and the commit, without loading records.
/// The report moves no serial and changes nothing served (records marked DELETE are not served), so
/// it has nothing for the IXFR journal.
/// </remarks>
public sealed class StatusUpdater(ZonalDbContext db, WriteTransactions transactions, ZoneLock zoneLock, TimeProvider clock, ILogger<StatusUpdater> logger)
    : ICastHandler<UpdateStatus>
{
    // Records up to the confirmed serial still to settle; a success also settles records an earlier
    // failed attempt left in ERROR. {0} zone id, {1} serial.
    private const string Settling = "zone_id = {0} AND serial <= {1} AND status IN ('" + Status.Pending + "', '" + Status.Error + "')";

    private const string SettleRecords =
        "DELETE FROM records WHERE " + Settling + " AND action = '" + ChangeAction.Delete + "';\n" +
        "UPDATE records SET status = '" + Status.Active + "', action = '" + ChangeAction.None + "' WHERE " + Settling + ";\n";

    private const string FailRecords =
        "UPDATE records SET status = '" + Status.Error + "' WHERE zone_id = {0} AND serial <= {1} AND status = '" + Status.Pending + "';\n";

    // {2} processed/updated time, {3} zone status, {4} zone action, {5} zone version.
    private const string DoneOutbox = "UPDATE outbox SET processed_at = {2} WHERE zone_id = {0} AND processed_at IS NULL AND serial <= {1};\n";
    private const string UpdateZone = "UPDATE zones SET status = {3}, action = {4}, version = {5}, updated_at = {2}";

    // A settled change ran after any pool_move before it, so the old pool has dropped the zone.
    private const string MoveDone = ", moved_from_pool_id = NULL";

    public async Task HandleAsync(UpdateStatus cast, CancellationToken ct)
    {
        await using var tx = await transactions.BeginAsync(ct);
        var zone = await zoneLock.LockAsync(cast.ZoneId, ct);
        if (zone is null || zone.DeletedAt is not null || zone.Action != cast.Action && zone.Action != ChangeAction.None)
        {
            return;
        }

        // A settled zone has nothing left to settle, unless records were left behind (rare): then it is
        // worth a query, and otherwise the report is a duplicate and changes nothing.
        if (cast.Success && zone.Action == ChangeAction.None
            && !await db.Records.AnyAsync(r => r.ZoneId == zone.Id && r.Serial <= cast.Serial && (r.Status == Status.Pending || r.Status == Status.Error), ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var status = zone.Status;
        var action = zone.Action;
        bool settled = cast.Success && zone.Serial <= cast.Serial;
        bool deleted = settled && zone.Action == ChangeAction.Delete;
        if (!cast.Success)
        {
            status = Status.Error;
        }
        else if (settled)
        {
            status = deleted ? Status.Deleted : Status.Active;
            action = ChangeAction.None;
        }

        var sql = (cast.Success ? SettleRecords : FailRecords) + (settled ? DoneOutbox : "") + UpdateZone + (settled ? MoveDone : "") + (deleted ? ", deleted_at = {2}" : "") + " WHERE id = {0}";
        await db.Database.ExecuteSqlRawAsync(sql, [zone.Id, cast.Serial, now, status, action, zone.Version + 1], ct);
        await tx.CommitAsync(ct);
        if (cast.Success)
        {
            logger.LogDebug("zone {ZoneId} ({Zone}) {Action} at serial {Serial}: now {Status}", zone.Id, zone.Name, cast.Action, cast.Serial, status);
        }
        else
        {
            logger.LogWarning("zone {ZoneId} ({Zone}) failed to propagate {Action} at serial {Serial}: now ERROR", zone.Id, zone.Name, cast.Action, cast.Serial);
        }
    }
}
