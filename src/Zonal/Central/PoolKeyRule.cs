using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// [M] (contract §6.2, §13.2) a zone may sit in a non-default pool only if that pool holds a TSIG key
/// of scope POOL: MiniDNS shows unsigned transfers only the default pool's zones, so the pool's
/// nameservers could never pull it. Zone create (where the scheduler placed it) and pool_move check it.
/// </summary>
public sealed class PoolKeyRule(ZonalDbContext db, IOptions<ZonalOptions> options)
{
    /// <summary>400 bad_request when <paramref name="poolId"/> is not the default pool and has no POOL key.</summary>
    public async Task EnforceAsync(Guid poolId, CancellationToken ct)
    {
        if (poolId != options.Value.DefaultPool.Id
            && !await db.Set<TsigKeyRow>().AnyAsync(k => k.Scope == TsigKeyManager.PoolScope && k.ResourceId == poolId, ct))
        {
            throw ServiceError.BadRequest($"Pool {poolId} has no TSIG key of scope POOL, which its nameservers need to transfer its zones from MiniDNS");
        }
    }
}
