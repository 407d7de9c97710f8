using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Everything a record set write is checked against after the zone lock, in one round trip hung on the
/// (locked) zone's row: the project's own quota limits and the zone's counts, what already sits at the
/// set's name, and the pool's NS records that the SOA rewrite of the same write needs. Compiled: the
/// hot path skips EF's translation cache lookup of this large query on every write. A compiled query
/// keeps the provider it first ran with, so each provider has its own (tests run both in one process).
/// </summary>
public sealed class RecordSetWriteFacts
{
    private static readonly Func<ZonalDbContext, Guid, string, Guid?, string, string, List<string>, Guid, CancellationToken, Task<RecordSetWriteFacts>> Postgres = Compile();
    private static readonly Func<ZonalDbContext, Guid, string, Guid?, string, string, List<string>, Guid, CancellationToken, Task<RecordSetWriteFacts>> Sqlite = Compile();

    public required RecordSetQuotaFacts Quota { get; init; }

    public required PlacementFacts Placement { get; init; }

    public string? NsRecords { get; init; }

    /// <summary>
    /// The facts of a new set as one PostgreSQL statement, for a batch EF cannot send
    /// (<see cref="RecordSetCreateReads"/>), read by <see cref="Read"/>: $1 the zone, $2 the set's name in
    /// lower case, $3 its type, $4 the candidate names (text[], as for <see cref="ReadAsync"/>).
    /// </summary>
    public const string PostgresForNewSet = $"""
        SELECT
            (SELECT q.hard_limit FROM quotas q WHERE q.project_id = z.project_id AND q.resource = '{QuotaKeys.RecordsetRecords}'),
            (SELECT q.hard_limit FROM quotas q WHERE q.project_id = z.project_id AND q.resource = '{QuotaKeys.ZoneRecordsets}'),
            (SELECT q.hard_limit FROM quotas q WHERE q.project_id = z.project_id AND q.resource = '{QuotaKeys.ZoneRecords}'),
            COALESCE((SELECT c.recordsets FROM zone_content_counts c WHERE c.zone_id = z.id), 0),
            COALESCE((SELECT c.records FROM zone_content_counts c WHERE c.zone_id = z.id), 0),
            EXISTS (SELECT 1 FROM recordsets s WHERE s.zone_id = z.id AND lower(s.name) = $2 AND s.type = $3),
            EXISTS (SELECT 1 FROM recordsets s WHERE s.zone_id = z.id AND lower(s.name) = $2),
            EXISTS (SELECT 1 FROM recordsets s WHERE s.zone_id = z.id AND lower(s.name) = $2 AND s.type = 'CNAME'),
            (SELECT c.name FROM zones c WHERE c.deleted_at IS NULL AND lower(c.name) = ANY ($4) AND length(c.name) > length(z.name) LIMIT 1),
            (SELECT p.ns_records FROM pools p WHERE p.id = z.pool_id)
        FROM zones z
        WHERE z.id = $1
        """;

    /// <summary>
    /// The facts for a write of <paramref name="recordSetId"/> (null: a new set) named
    /// <paramref name="lowered"/> (lower case) of <paramref name="type"/>; <paramref name="candidates"/> are
    /// the set's name and its ancestors: those longer than the zone's name (below the zone) are where a
    /// child zone would own the set.
    /// </summary>
    public static Task<RecordSetWriteFacts> ReadAsync(ZonalDbContext db, DatabaseProvider provider, ZoneRow zone, Guid? recordSetId, string lowered, string type, List<string> candidates, CancellationToken ct) =>
        (provider == DatabaseProvider.PostgreSql ? Postgres : Sqlite)(db, zone.Id, zone.ProjectId, recordSetId, lowered, type, candidates, zone.PoolId, ct);

    /// <summary>The row of <see cref="PostgresForNewSet"/>.</summary>
    public static RecordSetWriteFacts Read(DbDataReader row) => new()
    {
        Quota = new RecordSetQuotaFacts
        {
            RecordsetRecords = row.IsDBNull(0) ? null : row.GetInt32(0),
            ZoneRecordsets = row.IsDBNull(1) ? null : row.GetInt32(1),
            ZoneRecords = row.IsDBNull(2) ? null : row.GetInt32(2),
            Sets = (int)row.GetInt64(3),
            Others = (int)row.GetInt64(4),
        },
        Placement = new PlacementFacts
        {
            SameType = row.GetBoolean(5),
            Others = row.GetBoolean(6),
            Cname = row.GetBoolean(7),
            Child = row.IsDBNull(8) ? null : row.GetString(8),
        },
        NsRecords = row.IsDBNull(9) ? null : row.GetString(9),
    };

    private static Func<ZonalDbContext, Guid, string, Guid?, string, string, List<string>, Guid, CancellationToken, Task<RecordSetWriteFacts>> Compile() =>
        EF.CompileAsyncQuery((ZonalDbContext db, Guid zoneId, string project, Guid? recordSetId, string lowered, string type, List<string> candidates, Guid poolId, CancellationToken ct) =>
            db.Zones.AsNoTracking().Where(z => z.Id == zoneId).Select(z => new RecordSetWriteFacts
            {
                Quota = new RecordSetQuotaFacts
                {
                    RecordsetRecords = db.Quotas.Where(q => q.ProjectId == project && q.Resource == QuotaKeys.RecordsetRecords).Select(q => (int?)q.HardLimit).FirstOrDefault(),
                    ZoneRecordsets = db.Quotas.Where(q => q.ProjectId == project && q.Resource == QuotaKeys.ZoneRecordsets).Select(q => (int?)q.HardLimit).FirstOrDefault(),
                    ZoneRecords = db.Quotas.Where(q => q.ProjectId == project && q.Resource == QuotaKeys.ZoneRecords).Select(q => (int?)q.HardLimit).FirstOrDefault(),
                    // The zone's totals are trigger-kept counters (schema 0012: the same numbers as counting,
                    // without the scan); a changed set's own live records are counted by its index and taken off.
                    Sets = db.ZoneContentCounts.Where(c => c.ZoneId == z.Id).Select(c => (int)c.Recordsets).FirstOrDefault(),
                    Others = db.ZoneContentCounts.Where(c => c.ZoneId == z.Id).Select(c => (int)c.Records).FirstOrDefault()
                        - db.Records.Count(r => r.RecordSetId == recordSetId && r.Action != ChangeAction.Delete),
                },
                Placement = new PlacementFacts
                {
                    SameType = db.RecordSets.Any(s => s.ZoneId == z.Id && s.Name.ToLower() == lowered && s.Type == type),
                    Others = db.RecordSets.Any(s => s.ZoneId == z.Id && s.Name.ToLower() == lowered),
                    Cname = db.RecordSets.Any(s => s.ZoneId == z.Id && s.Name.ToLower() == lowered && s.Type == "CNAME"),
                    Child = db.Zones.Where(c => c.DeletedAt == null && candidates.Contains(c.Name.ToLower()) && c.Name.Length > z.Name.Length).Select(c => c.Name).FirstOrDefault(),
                },
                NsRecords = db.Pools.Where(p => p.Id == poolId).Select(p => p.NsRecords).FirstOrDefault(),
            }).First());
}

/// <summary>What is already at a record set's name: sets of its type, any sets, a CNAME, a child zone's apex.</summary>
public sealed class PlacementFacts
{
    public bool SameType { get; init; }

    public bool Others { get; init; }

    public bool Cname { get; init; }

    public string? Child { get; init; }
}
