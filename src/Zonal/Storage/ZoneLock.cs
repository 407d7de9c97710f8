using Microsoft.EntityFrameworkCore;

namespace Zonal.Storage;

/// <summary>
/// Serialises writers of one zone for the rest of the transaction, so serial bumps and the
/// uniqueness checks that precede an insert see every earlier committed change.
/// </summary>
public sealed class ZoneLock(ZonalDbContext db, DatabaseTarget database)
{
    /// <summary>Locks the zone row and loads it, tracked; null when there is no such row.</summary>
    public async Task<ZoneRow?> LockAsync(Guid zoneId, CancellationToken ct)
    {
        // SQLite write transactions already hold the single database write lock.
        var rows = database.Provider == DatabaseProvider.PostgreSql
            ? db.Zones.FromSqlInterpolated($"SELECT * FROM zones WHERE id = {zoneId} FOR UPDATE")
            : db.Zones.FromSqlInterpolated($"SELECT * FROM zones WHERE id = {zoneId}");
        return (await rows.ToListAsync(ct)).SingleOrDefault();
    }

    /// <summary>
    /// Serialises zone creation, as Designate's global create-new-zone lock does: the checks that no
    /// other project owns a parent or child zone must not race with another create.
    /// </summary>
    public async Task AcquireZoneCreationAsync(CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7418391)", ct);
        }
    }
}
