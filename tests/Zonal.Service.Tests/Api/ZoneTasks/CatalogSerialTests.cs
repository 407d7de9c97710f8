using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api.ZoneTasks;

public sealed class CatalogSerialSqliteTests(SqliteApiHost host) : CatalogSerialTests<SqliteApiHost>(host);

public sealed class CatalogSerialPostgresTests(PostgresApiHost host) : CatalogSerialTests<PostgresApiHost>(host);

/// <summary>
/// pool_move and abandon change a pool's member list, so they move its catalog zone's serial (RFC 9432):
/// a move moves both pools' catalogs, an abandon its pool's, and a catalog no member touched stays put.
/// </summary>
public abstract class CatalogSerialTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private readonly string _project = "catser-" + Guid.NewGuid().ToString("N")[..8];

    private Task<long> SerialAsync(string poolId) =>
        host.QueryAsync(db => db.Zones.AsNoTracking()
            .Where(z => z.PoolId == Guid.Parse(poolId) && z.Type == ZoneType.Catalog && z.DeletedAt == null).Select(z => z.Serial).SingleAsync());

    [Fact]
    public async Task A_move_bumps_the_catalogs_of_both_pools_and_an_abandon_bumps_its_pools_catalog()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var a = await TestPools.AddWithCatalogAsync(host, $"cat-a-{suffix}.example.", "ns.a.example.");
        var b = await TestPools.AddWithCatalogAsync(host, $"cat-b-{suffix}.example.", "ns.b.example.");
        var untouched = await TestPools.AddWithCatalogAsync(host, $"cat-c-{suffix}.example.", "ns.c.example.");
        await TestPools.AddKeyAsync(host, a);
        await TestPools.AddKeyAsync(host, b);
        var admin = host.Client(_project);
        var (id, _) = await TestData.CreateZoneAsync(admin);
        var path = $"/v2/zones/{id}/tasks/pool_move";
        Assert.Equal(202, (await admin.PostAsync(path, $$"""{"pool_id": "{{a}}"}""")).Code);
        await TestData.WaitForStatusAsync(admin, $"/v2/zones/{id}", "ACTIVE");
        var (aBefore, bBefore, cBefore) = (await SerialAsync(a), await SerialAsync(b), await SerialAsync(untouched));

        Assert.Equal(202, (await admin.PostAsync(path, $$"""{"pool_id": "{{b}}"}""")).Code);
        var (aMoved, bMoved) = (await SerialAsync(a), await SerialAsync(b));
        await TestData.WaitForStatusAsync(admin, $"/v2/zones/{id}", "ACTIVE");
        Assert.Equal(204, (await admin.PostAsync($"/v2/zones/{id}/tasks/abandon", null)).Code);

        Assert.True(aMoved > aBefore, $"pool A's catalog kept serial {aBefore} when the zone left it");
        Assert.True(bMoved > bBefore, $"pool B's catalog kept serial {bBefore} when the zone joined it");
        Assert.True(await SerialAsync(b) > bMoved, $"pool B's catalog kept serial {bMoved} when the zone was abandoned");
        Assert.Equal(aMoved, await SerialAsync(a));
        Assert.Equal(cBefore, await SerialAsync(untouched));
    }
}
