using Microsoft.EntityFrameworkCore;
using Zonal.Dns;
using Zonal.Domain;
using Zonal.Pools;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Applies a pools.yaml: each pool is matched by id when given, else by name, then created or
/// rewritten whole; a changed ns_records rewrites the apex NS and SOA of the pool's zones. With delete, stored pools missing from the file go, unless zones still use them.
/// </summary>
/// <param name="nameServers">Rewrites the zones of a pool whose ns_records change (Designate does on pool update).</param>
public sealed class PoolLoader(ZonalDbContext db, WriteTransactions transactions, TimeProvider clock, ApexNameServers nameServers, CatalogZones catalogs)
{
    /// <summary>Returns one line per change, e.g. "created pool x (id)"; with dryRun nothing is saved.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(IReadOnlyList<PoolDefinition> pools, bool delete, bool dryRun, CancellationToken ct)
    {
        foreach (var pool in pools)
        {
            Validate(pool);
        }

        var names = pools.Select(p => p.Name!).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw ServiceError.Duplicate("duplicate_pool", "Duplicate Pool: a name appears twice in the file");
        }

        await using var tx = await transactions.BeginAsync(ct);
        var stored = await db.Pools.ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new List<string>();
        var kept = new HashSet<Guid>();
        foreach (var pool in pools)
        {
            var row = pool.Id is { } id ? stored.FirstOrDefault(p => p.Id == id) : stored.FirstOrDefault(p => p.Name == pool.Name);
            var created = row is null;
            if (row is null)
            {
                row = new PoolRow { Id = pool.Id ?? Guid.NewGuid(), Name = pool.Name!, CreatedAt = now };
                db.Pools.Add(row);
                changes.Add($"created pool {pool.Name} ({row.Id})");
            }
            else
            {
                row.UpdatedAt = now;
                changes.Add($"updated pool {pool.Name} ({row.Id})");
            }

            kept.Add(row.Id);
            var nsRecords = PoolJson.Write(pool.NsRecords);
            if (!created && await nameServers.RewritePoolAsync(row.Id, nsRecords, ct) is > 0 and var rewritten)
            {
                changes.Add($"rewrote the NS records of {rewritten} zone(s) of pool {pool.Name} ({row.Id})");
            }

            row.Name = pool.Name!;
            row.Description = pool.Description;
            row.Attributes = PoolJson.Write(pool.Attributes);
            row.NsRecords = nsRecords;
            row.Nameservers = PoolJson.Write(pool.Nameservers);
            row.Targets = PoolJson.Write(pool.Targets);
            row.AlsoNotifies = PoolJson.Write(pool.AlsoNotifies);
        }

        if (delete)
        {
            foreach (var row in stored.Where(p => !kept.Contains(p.Id)))
            {
                if (await db.Zones.AnyAsync(z => (z.PoolId == row.Id || z.MovedFromPoolId == row.Id) && z.DeletedAt == null, ct))
                {
                    throw new ServiceError(400, "invalid_operation", $"pool {row.Name} ({row.Id}) still has zones");
                }

                db.Pools.Remove(row);
                changes.Add($"deleted pool {row.Name} ({row.Id})");
            }
        }

        if (!dryRun)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                // After the pools are saved: a catalog zone row refers to its pool.
                foreach (var pool in pools)
                {
                    var row = db.Pools.Local.First(p => p.Name == pool.Name);
                    if (await catalogs.ApplyAsync(row, pool.CatalogZone, now, ct) is { } change)
                    {
                        changes.Add(change);
                    }
                }

                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                throw ServiceError.Duplicate("duplicate_pool", "Duplicate Pool: the name belongs to another pool or zone");
            }

            await tx.CommitAsync(ct);
        }

        return changes;
    }

    private static void Validate(PoolDefinition pool)
    {
        var label = pool.Name ?? pool.Id?.ToString() ?? "(unnamed)";
        Require(!string.IsNullOrWhiteSpace(pool.Name) && pool.Name.Length <= 50, label, "name is required, at most 50 characters");
        Require(pool.Description is null || pool.Description.Length <= 160, label, "description is at most 160 characters");
        Require(pool.Attributes.All(a => a.Key.Length <= 50 && a.Value.Length <= 50), label, "attribute keys and values are at most 50 characters");
        Require(pool.NsRecords.Count > 0, label, "at least one ns_records entry is required");
        foreach (var ns in pool.NsRecords)
        {
            Require(ns.Priority is >= 1 and <= 10000, label, $"ns_records priority {ns.Priority} is not in 1..10000");
            Require(IsFqdn(ns.Hostname), label, $"ns_records hostname '{ns.Hostname}' is not a fully qualified name");
        }

        foreach (var server in pool.Nameservers.Concat(pool.AlsoNotifies).Concat(pool.Targets.SelectMany(t => t.Masters)))
        {
            Require(!string.IsNullOrWhiteSpace(server.Host), label, "every nameserver, master and also_notify needs a host");
            Require(server.Port is >= 1 and <= 65535, label, $"port {server.Port} of {server.Host} is not in 1..65535");
        }

        Require(pool.Targets.All(t => !string.IsNullOrWhiteSpace(t.Type)), label, "every target needs a type");
        if (pool.CatalogZone is { } catalog)
        {
            Require(CatalogZones.IsValidFqdn(catalog.Fqdn), label, $"catalog_zone_fqdn '{catalog.Fqdn}' is not a fully qualified name");
            Require(catalog.Refresh > 0, label, "catalog_zone_refresh must be positive");
        }
    }

    private static bool IsFqdn(string hostname) =>
        CatalogZones.IsValidFqdn(hostname);

    private static void Require(bool condition, string pool, string message)
    {
        if (!condition)
        {
            throw ServiceError.InvalidObject($"pool {pool}: {message}");
        }
    }
}
