using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Zonal.Storage;

/// <summary>
/// Serialises writers of one zone for the rest of the transaction, so serial bumps and the
/// uniqueness checks that precede an insert see every earlier committed change.
/// </summary>
public sealed class ZoneLock(ZonalDbContext db, DatabaseTarget database)
{
    // SQLite write transactions already hold the single database write lock: the zone is only loaded.
    // Compiled, the query skips EF's parameter extraction and translation cache lookup on every write.
    private static readonly Func<ZonalDbContext, Guid, IAsyncEnumerable<ZoneRow>> LoadSqlite =
        EF.CompileAsyncQuery((ZonalDbContext db, Guid zoneId) => db.Zones.Where(z => z.Id == zoneId));

    // EF cannot compile a query over FromSql (nor send FOR UPDATE from LINQ), so on PostgreSQL the lock is
    // a plain prepared statement whose row is tracked by hand, as the query would track it.
    private static string? _postgresSql;

    /// <summary>Locks the zone row and loads it, tracked; null when there is no such row.</summary>
    public async Task<ZoneRow?> LockAsync(Guid zoneId, CancellationToken ct)
    {
        if (database.Provider != DatabaseProvider.PostgreSql)
        {
            ZoneRow? loaded = null;
            await foreach (var row in LoadSqlite(db, zoneId).WithCancellation(ct))
            {
                loaded = row;
            }

            return loaded;
        }

        var command = PostgresCommand(zoneId);
        await using var batch = new NpgsqlBatch(
            (NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("the zone lock is taken inside a write transaction"))
        {
            BatchCommands = { command },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return await ReadAsync(reader, ct);
    }

    /// <summary>The PostgreSQL lock statement, for a caller that sends it in a batch with the statements that follow it.</summary>
    public NpgsqlBatchCommand PostgresCommand(Guid zoneId) =>
        new(_postgresSql ??= $"SELECT {RowReader<ZoneRow>.For(db).Columns("z")} FROM zones z WHERE z.id = $1 FOR UPDATE")
        {
            Parameters = { new NpgsqlParameter<Guid> { TypedValue = zoneId } },
        };

    /// <summary>The locked zone from the current result of <see cref="PostgresCommand"/>, tracked; null when there is no such row.</summary>
    public async Task<ZoneRow?> ReadAsync(DbDataReader reader, CancellationToken ct)
    {
        var rows = RowReader<ZoneRow>.For(db);
        return await reader.ReadAsync(ct) && rows.Read(reader, 0) is { } zone ? rows.Track(db, zone) : null;
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
