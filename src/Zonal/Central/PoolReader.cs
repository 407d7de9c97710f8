using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Pools;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>Pools are read-only over the API (admin only); `zonal manage pool-update` writes them.</summary>
public sealed class PoolReader(ZonalDbContext db, IOptions<ZonalOptions> options, Policy policy)
    : ICallHandler<ListPools, IReadOnlyList<PoolView>>, ICallHandler<GetPool, PoolView>
{
    public async Task<IReadOnlyList<PoolView>> HandleAsync(ListPools call, CancellationToken ct)
    {
        policy.EnforceOwn("find_pools", call.Context);
        var rows = await db.Pools.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(ToView).ToList();
    }

    public async Task<PoolView> HandleAsync(GetPool call, CancellationToken ct)
    {
        policy.EnforceOwn("get_pool", call.Context);
        var row = await db.Pools.AsNoTracking().FirstOrDefaultAsync(p => p.Id == call.PoolId, ct)
            ?? throw ServiceError.NotFound("pool_not_found", "Could not find Pool");
        return ToView(row);
    }

    private PoolView ToView(PoolRow row) => new(
        row.Id,
        null,
        row.Name,
        row.Description,
        PoolJson.Read<Dictionary<string, string>>(row.Attributes),
        PoolNameServers.Of(row.NsRecords, options.Value.DefaultPool),
        row.CreatedAt,
        row.UpdatedAt);
}
