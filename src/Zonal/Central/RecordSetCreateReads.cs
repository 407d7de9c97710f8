using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Zonal.Dns;
using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// What a record set create reads after BEGIN: the zone, locked and tracked; the write checks
/// (<see cref="RecordSetWriteFacts"/>); the zone's SOA sets, tracked with their records. On PostgreSQL the
/// three go in one round trip as separate statements of one batch: under READ COMMITTED each statement
/// takes its own snapshot when it starts, after the lock statement before it was granted, so the checks
/// and the SOA see every write committed before (one combined statement would keep the snapshot it took
/// before waiting for the lock). EF cannot send a batch, so the zone and SOA rows are attached by hand,
/// unchanged, as a tracking query leaves them: the save and <see cref="ZoneJournalWriter"/> see their changes.
/// </summary>
public sealed class RecordSetCreateReads(ZonalDbContext db, DatabaseTarget database, ZoneLock zoneLock, ZoneScope zones, ZoneChangeRecorder changes)
{
    private static Statements? _postgres;

    /// <param name="name">The new set's name, parsed; its type is <paramref name="type"/>.</param>
    public async Task<(ZoneRow Zone, RecordSetWriteFacts Facts, IReadOnlyList<RecordSetRow> Soa)> ReadAsync(RequestContext ctx, Guid zoneId, DnsName name, string type, CancellationToken ct)
    {
        var lowered = name.ToString().ToLowerInvariant();
        var candidates = ZoneScope.SelfAndAncestors(name);
        if (database.Provider != DatabaseProvider.PostgreSql)
        {
            var locked = await zones.FindForWriteAsync(ctx, zoneId, ct);
            var found = await RecordSetWriteFacts.ReadAsync(db, database.Provider, locked, null, lowered, type, candidates, ct);
            return (locked, found, await changes.SoaSetsAsync(zoneId, ct));
        }

        var statements = _postgres ??= new Statements(db);
        ZoneRow? zone;
        RecordSetWriteFacts? facts;
        var soa = new List<RecordSetRow>();
        await using (var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()))
        {
            batch.BatchCommands.Add(zoneLock.PostgresCommand(zoneId));
            var check = Command(RecordSetWriteFacts.PostgresForNewSet, zoneId);
            check.Parameters.Add(new NpgsqlParameter<string> { TypedValue = lowered });
            check.Parameters.Add(new NpgsqlParameter<string> { TypedValue = type });
            check.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. candidates] });
            batch.BatchCommands.Add(check);
            batch.BatchCommands.Add(Command(statements.Soa, zoneId));

            await using var reader = await batch.ExecuteReaderAsync(ct);
            zone = await zoneLock.ReadAsync(reader, ct);
            await reader.NextResultAsync(ct);
            facts = await reader.ReadAsync(ct) ? RecordSetWriteFacts.Read(reader) : null;
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var set = statements.Sets.Read(reader, 0)!;
                if (soa.Count == 0 || soa[^1].Id != set.Id)
                {
                    soa.Add(set);
                }

                if (statements.Records.Read(reader, statements.Sets.Count) is { } record)
                {
                    soa[^1].Records.Add(record);
                }
            }
        }

        // Tracked as a tracking query would: a set already tracked in this scope wins (identity resolution).
        soa = soa.ConvertAll(set => statements.Sets.Track(db, set));

        zone = await zones.CheckWritableAsync(ctx, zone, ct);
        return (zone, facts ?? throw new InvalidOperationException($"no write facts for zone {zoneId}"), soa);
    }

    private static NpgsqlBatchCommand Command(string sql, Guid zoneId) =>
        new(sql) { Parameters = { new NpgsqlParameter<Guid> { TypedValue = zoneId } } };

    /// <summary>The SOA statement, over every column the model maps.</summary>
    private sealed class Statements
    {
        public Statements(ZonalDbContext db)
        {
            Sets = RowReader<RecordSetRow>.For(db);
            Records = RowReader<RecordRow>.For(db);
            Soa = $"""
                SELECT {Sets.Columns("s")}, {Records.Columns("r")}
                FROM recordsets s LEFT JOIN records r ON r.recordset_id = s.id
                WHERE s.zone_id = $1 AND s.type = 'SOA' AND s.managed
                ORDER BY s.id
                """;
        }

        public RowReader<RecordSetRow> Sets { get; }

        public RowReader<RecordRow> Records { get; }

        public string Soa { get; }
    }
}
