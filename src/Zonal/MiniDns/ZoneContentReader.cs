using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Zonal.Dns;
using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.MiniDns;

/// <summary>
/// MiniDNS's read-only view of storage: which zone covers a name, an RRset, the whole zone, and the
/// journal. Records being deleted (action DELETE) are not served; a null TTL is the zone's. A CATALOG
/// zone's content is generated (<see cref="CatalogContent"/>).
/// </summary>
public sealed class ZoneContentReader(ZonalDbContext db)
{
    /// <summary>The closest enclosing live zone of <paramref name="name"/> that the scope may see, or null.</summary>
    public async Task<ServedZone?> FindZoneAsync(DnsName name, ZoneScopeFilter scope, CancellationToken ct)
    {
        var candidates = new List<string>(name.LabelCount + 1);
        for (var current = name; ; current = current.Parent())
        {
            candidates.Add(current.ToString().ToLowerInvariant());
            if (current.IsRoot)
            {
                break;
            }
        }

        var zones = await scope.Apply(db.Zones.AsNoTracking())
            .Where(z => z.DeletedAt == null && candidates.Contains(z.Name.ToLower()))
            .ToListAsync(ct);
        var closest = zones.MaxBy(z => z.Name.Length);
        return closest is null ? null : new ServedZone(closest, DnsName.Parse(closest.Name, DnsName.Root));
    }

    /// <summary>The live SECONDARY zone named <paramref name="name"/>, in any pool, or null.</summary>
    public Task<ZoneRow?> SecondaryZoneAsync(DnsName name, CancellationToken ct)
    {
        var lowered = name.ToString().ToLowerInvariant();
        return db.Zones.AsNoTracking()
            .FirstOrDefaultAsync(z => z.DeletedAt == null && z.Type == ZoneType.Secondary && z.Name.ToLower() == lowered, ct);
    }

    /// <summary>The served records of one RRset.</summary>
    public async Task<List<StoredRecord>> RRsetAsync(ServedZone zone, DnsName name, string type, CancellationToken ct)
    {
        var owner = name.ToString().ToLowerInvariant();
        if (zone.Row.Type == ZoneType.Catalog)
        {
            return await new CatalogContent(db, zone).RRsetAsync(owner, type, ct);
        }

        var rows = await (
            from set in db.RecordSets.AsNoTracking()
            where set.ZoneId == zone.Row.Id && set.Type == type && set.Name.ToLower() == owner
            join record in db.Records.AsNoTracking() on set.Id equals record.RecordSetId
            where record.Action != ChangeAction.Delete
            select new { set.Name, set.Ttl, set.Type, record.Data }).ToListAsync(ct);
        return rows.Select(r => new StoredRecord(r.Name, r.Ttl ?? zone.Row.Ttl, r.Type, r.Data)).ToList();
    }

    /// <summary>Every served record but the SOA, RRsets kept together, streamed so a large zone is never held whole.</summary>
    public async IAsyncEnumerable<StoredRecord> AllButSoaAsync(ServedZone zone, [EnumeratorCancellation] CancellationToken ct)
    {
        if (zone.Row.Type == ZoneType.Catalog)
        {
            await foreach (var record in new CatalogContent(db, zone).AllButSoaAsync(ct))
            {
                yield return record;
            }

            yield break;
        }

        var rows = (
            from set in db.RecordSets.AsNoTracking()
            where set.ZoneId == zone.Row.Id && set.Type != "SOA"
            join record in db.Records.AsNoTracking() on set.Id equals record.RecordSetId
            where record.Action != ChangeAction.Delete
            orderby set.Id
            select new { set.Name, set.Ttl, set.Type, record.Data }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return new StoredRecord(row.Name, row.Ttl ?? zone.Row.Ttl, row.Type, row.Data);
        }
    }

    /// <summary>
    /// The journal entries that lead from <paramref name="fromSerial"/> to the zone's serial, or null when
    /// they do not: a gap, an incomplete change, or a serial older than the journal.
    /// </summary>
    public async Task<List<ZoneJournalRow>?> JournalAsync(ServedZone zone, long fromSerial, CancellationToken ct)
    {
        if (zone.Row.Type == ZoneType.Catalog)
        {
            // A catalog keeps no journal: IXFR of it is always answered in AXFR form.
            return null;
        }

        var entries = await db.ZoneJournal.AsNoTracking()
            .Where(j => j.ZoneId == zone.Row.Id && j.SerialFrom >= fromSerial && j.SerialTo <= zone.Row.Serial)
            .OrderBy(j => j.Id)
            .ToListAsync(ct);
        long serial = fromSerial;
        foreach (var entry in entries)
        {
            if (entry.SerialFrom != serial || !entry.Complete)
            {
                return null;
            }

            serial = entry.SerialTo;
        }

        return serial == zone.Row.Serial && entries.Count > 0 ? entries : null;
    }

    /// <summary>The stored TSIG key with this name, compared as DNS names.</summary>
    public async Task<TsigKeyRow?> TsigKeyAsync(DnsName name, CancellationToken ct)
    {
        var keys = await db.Set<TsigKeyRow>().AsNoTracking().ToListAsync(ct);
        return keys.FirstOrDefault(k => DnsName.TryParse(k.Name, DnsName.Root, out var keyName, out _) && keyName == name);
    }
}
