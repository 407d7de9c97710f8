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
    /// The facts for a write of <paramref name="recordSetId"/> (null: a new set) named
    /// <paramref name="lowered"/> (lower case) of <paramref name="type"/>; <paramref name="candidates"/> are
    /// the names below the zone at or above the set's name where a child zone would own it.
    /// </summary>
    public static Task<RecordSetWriteFacts> ReadAsync(ZonalDbContext db, DatabaseProvider provider, ZoneRow zone, Guid? recordSetId, string lowered, string type, List<string> candidates, CancellationToken ct) =>
        (provider == DatabaseProvider.PostgreSql ? Postgres : Sqlite)(db, zone.Id, zone.ProjectId, recordSetId, lowered, type, candidates, zone.PoolId, ct);

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
                    Child = db.Zones.Where(c => c.DeletedAt == null && candidates.Contains(c.Name.ToLower())).Select(c => c.Name).FirstOrDefault(),
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
