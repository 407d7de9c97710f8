using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Writes the IXFR journal in the transaction of every change that moves a zone's serial: just before
/// the save it compares what the tracked record rows served before (original values) with what they
/// serve after, so no write path has to remember to call it. A record is served unless its action is
/// DELETE; a null TTL is the zone's. A change the tracker cannot fully see (a zone TTL change touching
/// untracked records, a record whose set is not loaded) is journaled as incomplete: IXFR falls back to AXFR.
/// </summary>
public sealed class ZoneJournalWriter(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Journal(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Journal(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Journal(DbContext? context)
    {
        if (context is not ZonalDbContext db)
        {
            return;
        }

        var zones = db.ChangeTracker.Entries<ZoneRow>()
            .Where(e => e.State == EntityState.Modified && e.Property(z => z.Serial).OriginalValue != e.Entity.Serial)
            .ToList();
        if (zones.Count == 0)
        {
            return;
        }

        bool autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var sets = db.ChangeTracker.Entries<RecordSetRow>().ToDictionary(e => e.Entity.Id);
            var records = db.ChangeTracker.Entries<RecordRow>().ToLookup(e => e.Entity.ZoneId);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var zone in zones)
            {
                db.ZoneJournal.Add(Diff(zone, sets, records[zone.Entity.Id], now));
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static ZoneJournalRow Diff(EntityEntry<ZoneRow> zone, Dictionary<Guid, EntityEntry<RecordSetRow>> sets, IEnumerable<EntityEntry<RecordRow>> records, DateTime now)
    {
        int oldTtl = zone.Property(z => z.Ttl).OriginalValue, newTtl = zone.Entity.Ttl;
        bool complete = oldTtl == newTtl;
        var deleted = new List<StoredRecord>();
        var added = new List<StoredRecord>();
        foreach (var record in records)
        {
            if (!sets.TryGetValue(record.Entity.RecordSetId, out var set))
            {
                complete &= record.State == EntityState.Unchanged;
                continue;
            }

            var before = Served(record, set, oldTtl, original: true);
            var after = Served(record, set, newTtl, original: false);
            if (before == after)
            {
                continue;
            }

            if (before is { } removed)
            {
                deleted.Add(removed);
            }

            if (after is { } put)
            {
                added.Add(put);
            }
        }

        complete &= SoaFirst(deleted) && SoaFirst(added);
        return new ZoneJournalRow
        {
            ZoneId = zone.Entity.Id,
            SerialFrom = zone.Property(z => z.Serial).OriginalValue,
            SerialTo = zone.Entity.Serial,
            Complete = complete,
            Deleted = JournalLines.Format(deleted),
            Added = JournalLines.Format(added),
            CreatedAt = now,
        };
    }

    /// <summary>The record as served before (original values) or after the change, or null when it is not served.</summary>
    private static StoredRecord? Served(EntityEntry<RecordRow> record, EntityEntry<RecordSetRow> set, int zoneTtl, bool original)
    {
        if (original ? record.State == EntityState.Added || set.State == EntityState.Added : record.State == EntityState.Deleted || set.State == EntityState.Deleted)
        {
            return null;
        }

        T Value<TEntity, T>(EntityEntry<TEntity> entry, string property)
            where TEntity : class =>
            original ? (T)entry.OriginalValues[property]! : (T)entry.CurrentValues[property]!;

        if (Value<RecordRow, string>(record, nameof(RecordRow.Action)) == ChangeAction.Delete)
        {
            return null;
        }

        int? ttl = Value<RecordSetRow, int?>(set, nameof(RecordSetRow.Ttl));
        return new StoredRecord(
            Value<RecordSetRow, string>(set, nameof(RecordSetRow.Name)),
            ttl ?? zoneTtl,
            Value<RecordSetRow, string>(set, nameof(RecordSetRow.Type)),
            Value<RecordRow, string>(record, nameof(RecordRow.Data)));
    }

    /// <summary>Moves the one SOA to the front, as RFC 1995 orders a difference; false when there is not exactly one.</summary>
    private static bool SoaFirst(List<StoredRecord> records)
    {
        int index = records.FindIndex(r => r.Type == "SOA");
        if (index < 0 || records.FindLastIndex(r => r.Type == "SOA") != index)
        {
            return false;
        }

        var soa = records[index];
        records.RemoveAt(index);
        records.Insert(0, soa);
        return true;
    }
}
