using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// What every write to a zone does inside its transaction: a strictly larger serial (a UNIX time,
/// or one more than the last when several writes share a second), the SOA rewritten to carry it,
/// the zone PENDING, and an outbox row so the change reaches the nameservers.
/// </summary>
public sealed class ZoneChangeRecorder(ZonalDbContext db, DatabaseTarget database, ManagedRecords managed, TimeProvider clock)
{
    // Every write loads the SOA set, tracked with its records so ZoneJournalWriter sees the SOA change
    // whole; compiled once, the query skips EF's per-query translation cache lookup. A compiled query
    // keeps the provider it first ran with, so each provider has its own (tests run both in one process).
    private static readonly Func<ZonalDbContext, Guid, IAsyncEnumerable<RecordSetRow>> SoaSetsPostgres = CompileSoaSets();
    private static readonly Func<ZonalDbContext, Guid, IAsyncEnumerable<RecordSetRow>> SoaSetsSqlite = CompileSoaSets();

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Records a change of content (zone fields or record sets); returns the new serial.</summary>
    public async Task<long> RecordUpdateAsync(ZoneRow zone, CancellationToken ct) =>
        await RecordUpdateAsync(zone, await SoaSetsAsync(zone.Id, ct), ct);

    /// <summary>
    /// <see cref="RecordUpdateAsync(ZoneRow, CancellationToken)"/> with the zone's SOA sets already read
    /// under the zone lock (tracked, with their records).
    /// </summary>
    public async Task<long> RecordUpdateAsync(ZoneRow zone, IReadOnlyList<RecordSetRow> soa, CancellationToken ct)
    {
        var now = Now;
        zone.Serial = ZoneSerials.Next(zone.Serial, now);
        MarkPending(zone, ChangeAction.Update, now);
        foreach (var set in soa)
        {
            foreach (var record in set.Records)
            {
                record.Data = await managed.SoaDataAsync(zone, ct);
                record.Serial = zone.Serial;
                record.Status = Status.Pending;
                record.Action = record.Action == ChangeAction.Create ? ChangeAction.Create : ChangeAction.Update;
                record.Version++;
                record.UpdatedAt = now;
            }
        }

        AddOutbox(zone, now);
        return zone.Serial;
    }

    /// <summary>The zone's SOA sets, tracked with their records, read whole: building the SOA text may query the pool.</summary>
    public async Task<List<RecordSetRow>> SoaSetsAsync(Guid zoneId, CancellationToken ct)
    {
        var soa = new List<RecordSetRow>();
        var query = database.Provider == DatabaseProvider.PostgreSql ? SoaSetsPostgres : SoaSetsSqlite;
        await foreach (var set in query(db, zoneId).WithCancellation(ct))
        {
            soa.Add(set);
        }

        return soa;
    }

    /// <summary>
    /// Records a change of a SECONDARY zone: its content and serial are its masters', so the serial is
    /// not bumped. Before the first transfer there is nothing to serve yet: the zone waits, PENDING.
    /// </summary>
    public void RecordSecondaryUpdate(ZoneRow zone)
    {
        var now = Now;
        MarkPending(zone, ChangeAction.Update, now);
        if (zone.TransferredAt is not null)
        {
            AddOutbox(zone, now);
        }
    }

    /// <summary>Records the zone's removal: no serial bump, the nameservers drop the zone (and its files on a hard delete).</summary>
    public void RecordDelete(ZoneRow zone, bool hardDelete = false)
    {
        var now = Now;
        MarkPending(zone, ChangeAction.Delete, now);
        AddOutbox(zone, now, hardDelete);
    }

    /// <summary>Records a new zone, whose serial was set when it was built.</summary>
    public void RecordCreate(ZoneRow zone) => AddOutbox(zone, zone.CreatedAt);

    private static void MarkPending(ZoneRow zone, string action, DateTime now)
    {
        // A zone not yet created on the nameservers (pending or failed) stays a CREATE: the worker
        // must still create it, not update it.
        zone.Action = action == ChangeAction.Delete || zone.Action != ChangeAction.Create ? action : ChangeAction.Create;
        zone.Status = Status.Pending;
        zone.Version++;
        zone.UpdatedAt = now;
    }

    private void AddOutbox(ZoneRow zone, DateTime now, bool hardDelete = false) =>
        db.Outbox.Add(new OutboxRow { ZoneId = zone.Id, Action = zone.Action, Serial = zone.Serial, CreatedAt = now, HardDelete = hardDelete });

    private static Func<ZonalDbContext, Guid, IAsyncEnumerable<RecordSetRow>> CompileSoaSets() =>
        EF.CompileAsyncQuery((ZonalDbContext db, Guid zoneId) => db.RecordSets.Where(s => s.ZoneId == zoneId && s.Type == "SOA" && s.Managed).Include(s => s.Records));
}
