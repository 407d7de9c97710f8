using Microsoft.EntityFrameworkCore;
using Zonal.Dns;
using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Pools' catalog zones (RFC 9432, contract §13.1): a pool with catalog_zone in pools.yaml gets a CATALOG
/// zone row, whose content MiniDNS generates from the pool's member zones. Central bumps its serial in the
/// transaction of every member create and delete, so the targets pull the new member list.
/// </summary>
public sealed class CatalogZones(ZonalDbContext db)
{
    // Whether a pool has a catalog, per pool this scope has read; most pools have none, and their members' changes then touch nothing.
    private readonly Dictionary<Guid, bool> _hasCatalog = [];

    /// <summary>The project a catalog zone belongs to: none a user holds, so only admins ever see one.</summary>
    public const string Project = "zonal-catalog";

    /// <summary>Makes the pool's stored catalog zone (and its TSIG key) match pools.yaml; returns what changed, if anything.</summary>
    public async Task<string?> ApplyAsync(PoolRow pool, PoolCatalogZone? wanted, DateTime now, CancellationToken ct)
    {
        var current = await db.Zones.FirstOrDefaultAsync(z => z.PoolId == pool.Id && z.Type == ZoneType.Catalog && z.DeletedAt == null, ct);
        var keys = current is null ? [] : await db.Set<TsigKeyRow>().Where(k => k.Scope == TsigKeyManager.ZoneScope && k.ResourceId == current.Id).ToListAsync(ct);
        pool.CatalogZone = wanted?.Fqdn;
        if (wanted is null)
        {
            if (current is null)
            {
                return null;
            }

            current.DeletedAt = now;
            current.Status = Status.Deleted;
            db.RemoveRange(keys);
            return $"removed catalog zone {current.Name} of pool {pool.Name}";
        }

        bool created = current is null;
        current ??= db.Zones.Add(new ZoneRow
        {
            Id = Guid.NewGuid(),
            ProjectId = Project,
            PoolId = pool.Id,
            Name = wanted.Fqdn,
            Email = "hostmaster@invalid",
            Ttl = 3600,
            Serial = ZoneSerials.At(now),
            Retry = 600,
            Expire = 86400,
            Minimum = 3600,
            Status = Status.Active,
            Action = ChangeAction.None,
            Type = ZoneType.Catalog,
            Masters = "[]",
            Attributes = "{}",
            Version = 1,
            CreatedAt = now,
        }).Entity;
        if (!string.Equals(current.Name, wanted.Fqdn, StringComparison.OrdinalIgnoreCase))
        {
            current.Name = wanted.Fqdn;
            current.Serial = ZoneSerials.Next(current.Serial, now);
        }

        current.Refresh = wanted.Refresh;
        db.RemoveRange(keys);
        if (wanted.TsigKey is { Length: > 0 } secret)
        {
            // Stored as Designate does: a ZONE-scoped key named after the catalog; a transfer signed with it reaches the catalog alone.
            db.Add(new TsigKeyRow
            {
                Id = Guid.NewGuid(),
                Name = wanted.Fqdn.TrimEnd('.'),
                Algorithm = wanted.TsigAlgorithm ?? "hmac-sha256",
                Secret = secret,
                Scope = TsigKeyManager.ZoneScope,
                ResourceId = current.Id,
                CreatedAt = now,
            });
        }

        return $"{(created ? "created" : "updated")} catalog zone {wanted.Fqdn} of pool {pool.Name}";
    }

    /// <summary>Keeps what a pool row read for another reason says (its catalog_zone), so a touch of that pool needs no read.</summary>
    public void Remember(Guid poolId, string? catalogZone) => _hasCatalog[poolId] = catalogZone is not null;

    /// <summary>A member joined or left the pool: the catalog's serial moves on (at least to now, as zone serials do).</summary>
    public async Task TouchAsync(Guid poolId, DateTime now, CancellationToken ct)
    {
        if (!_hasCatalog.TryGetValue(poolId, out var hasCatalog))
        {
            hasCatalog = await db.Pools.AnyAsync(p => p.Id == poolId && p.CatalogZone != null, ct);
            _hasCatalog[poolId] = hasCatalog;
        }

        if (!hasCatalog)
        {
            return;
        }

        // ZoneSerials.Next, in SQL: the update touches the row without loading it.
        long epoch = ZoneSerials.At(now);
        await db.Zones.Where(z => z.PoolId == poolId && z.Type == ZoneType.Catalog && z.DeletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(z => z.Serial, z => z.Serial + 1 > epoch ? z.Serial + 1 : epoch), ct);
    }

    public static bool IsValidFqdn(string name) =>
        name.EndsWith('.') && name != "." && DnsName.TryParse(name, null, out _, out _);
}
