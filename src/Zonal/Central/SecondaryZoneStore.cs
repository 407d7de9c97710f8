using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Stores what a SECONDARY zone's master sent (contract §8.3): the record sets are replaced by the
/// transferred ones, the zone takes the master's serial and SOA timers (its serial is not bumped),
/// transferred_at is set, and the change goes to the pool like any other, in one transaction.
/// </summary>
public sealed class SecondaryZoneStore(
    ZonalDbContext db,
    WriteTransactions transactions,
    ZoneLock zoneLock,
    ZoneChangeRecorder changes,
    OutboxSignal outbox,
    ILogger<SecondaryZoneStore> logger) : ICastHandler<StoreZoneTransfer>
{
    public async Task HandleAsync(StoreZoneTransfer cast, CancellationToken ct)
    {
        await using var tx = await transactions.BeginAsync(ct);
        var zone = await zoneLock.LockAsync(cast.ZoneId, ct);
        if (zone is null || zone.DeletedAt is not null || zone.Type != ZoneType.Secondary || zone.Action == ChangeAction.Delete)
        {
            return;
        }

        var now = changes.Now;
        var stored = await db.RecordSets.Include(s => s.Records).Where(s => s.ZoneId == zone.Id).ToListAsync(ct);
        var byKey = stored.ToDictionary(Key);
        int skipped = 0;
        foreach (var received in cast.RecordSets)
        {
            if (!RecordDataRules.SupportedTypes.Contains(received.Type))
            {
                skipped++;
                continue;
            }

            var wanted = received.Records.Select(r => RecordText.FromZoneFile(received.Type, r)).Distinct(StringComparer.Ordinal).ToList();
            if (byKey.Remove(Key(received.Name, received.Type), out var set))
            {
                set.Ttl = received.Ttl;
                RecordSetWriter.Rewrite(set, wanted, cast.Serial, now);
            }
            else
            {
                db.RecordSets.Add(NewSet(zone, received, wanted, cast.Serial, now));
            }
        }

        // As a record set delete does: the set leaves storage now, the outbox row carries its removal.
        foreach (var gone in byKey.Values)
        {
            RecordSetWriter.Rewrite(gone, [], cast.Serial, now);
            db.RecordSets.Remove(gone);
        }

        zone.Serial = cast.Serial;
        zone.Refresh = cast.Refresh;
        zone.Retry = cast.Retry;
        zone.Expire = cast.Expire;
        zone.Minimum = cast.Minimum;
        zone.TransferredAt = now;
        changes.RecordSecondaryUpdate(zone);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Notify();
        logger.LogInformation("secondary zone {ZoneId} ({Zone}) stored at serial {Serial}: {Sets} record sets ({Skipped} of unsupported types left out)",
            zone.Id, zone.Name, cast.Serial, cast.RecordSets.Count - skipped, skipped);
    }

    private static RecordSetRow NewSet(ZoneRow zone, TransferredRecordSet received, List<string> records, long serial, DateTime now)
    {
        var set = new RecordSetRow
        {
            Id = Guid.NewGuid(),
            ZoneId = zone.Id,
            ProjectId = zone.ProjectId,
            Name = received.Name,
            Type = received.Type,
            Ttl = received.Ttl,
            Version = 1,
            CreatedAt = now,
        };
        set.Records.AddRange(records.Select(data => ManagedRecords.NewRecord(set, data, serial, now)));
        return set;
    }

    private static (string, string) Key(RecordSetRow set) => Key(set.Name, set.Type);

    private static (string, string) Key(string name, string type) => (name.ToLowerInvariant(), type);
}
