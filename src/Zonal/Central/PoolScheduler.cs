using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Domain.PolicyLanguage;
using Zonal.Pools;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Picks a new zone's pool by running scheduler_filters in order (§13.2): default_pool, attribute,
/// pool_id_attribute, random, fallback, in_doubt_default_pool. Exactly one pool must remain: none
/// is 404 no_valid_pool_found, several 500 multiple_pools_found.
/// </summary>
public sealed class PoolScheduler(ZonalDbContext db, IOptions<ZonalOptions> options, Policy policy)
{
    private const string PoolIdAttribute = "pool_id";

    public async Task<Guid> ScheduleAsync(RequestContext ctx, IReadOnlyDictionary<string, string> attributes, CancellationToken ct)
    {
        var filters = options.Value.Central.SchedulerFilters is { Count: > 0 } configured ? configured : ["default_pool"];
        var defaultPool = options.Value.DefaultPool.Id;
        var rows = await db.Pools.AsNoTracking().Select(p => new { p.Id, p.Attributes }).ToListAsync(ct);
        var all = rows.Select(r => new Candidate(r.Id, PoolJson.Read<Dictionary<string, string>>(r.Attributes))).ToList();
        if (all.All(p => p.Id != defaultPool))
        {
            // Before any pools.yaml is loaded the default pool exists only in configuration.
            all.Insert(0, new Candidate(defaultPool, new Dictionary<string, string>()));
        }

        var pools = all;
        foreach (var filter in filters)
        {
            pools = filter switch
            {
                "default_pool" => all.Where(p => p.Id == defaultPool).ToList(),
                "attribute" => pools.Where(p => Covers(p, attributes)).ToList(),
                "pool_id_attribute" => ForcedPool(ctx, attributes, all) ?? pools,
                "random" => pools.Count > 1 ? [pools[Random.Shared.Next(pools.Count)]] : pools,
                "fallback" => pools.Count == 0 ? all.Where(p => p.Id == defaultPool).ToList() : pools,
                "in_doubt_default_pool" => pools.Count > 1 && pools.Any(p => p.Id == defaultPool) ? pools.Where(p => p.Id == defaultPool).ToList() : pools,
                _ => throw new InvalidOperationException(
                    $"unknown scheduler filter '{filter}' in Zonal:Central:SchedulerFilters (known: default_pool, attribute, pool_id_attribute, random, fallback, in_doubt_default_pool)"),
            };
        }

        return pools.Count switch
        {
            1 => pools[0].Id,
            0 => throw ServiceError.NotFound("no_valid_pool_found", "No valid pool found"),
            _ => throw new ServiceError(500, "multiple_pools_found", "Multiple pools found"),
        };
    }

    /// <summary>A pool with no attributes takes any zone; otherwise it must carry every attribute the zone asks for.</summary>
    private static bool Covers(Candidate pool, IReadOnlyDictionary<string, string> zone) =>
        pool.Attributes.Count == 0
        || zone.Where(a => a.Key != PoolIdAttribute).All(a => pool.Attributes.TryGetValue(a.Key, out var value) && value == a.Value);

    /// <summary>attributes.pool_id forces that pool (admin only); null when the zone names none.</summary>
    private List<Candidate>? ForcedPool(RequestContext ctx, IReadOnlyDictionary<string, string> attributes, List<Candidate> all)
    {
        if (!attributes.TryGetValue(PoolIdAttribute, out var wanted))
        {
            return null;
        }

        if (!policy.Allows("zone_create_forced_pool", ctx, PolicyTarget.Owner(ctx.ProjectId)))
        {
            throw ServiceError.Forbidden("Only an admin may choose a zone's pool with the pool_id attribute");
        }

        return Guid.TryParse(wanted, out var id) ? all.Where(p => p.Id == id).ToList() : [];
    }

    private sealed record Candidate(Guid Id, IReadOnlyDictionary<string, string> Attributes);
}
