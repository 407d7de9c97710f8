using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api;

public sealed class PoolNsRewriteSqliteTests(SqliteApiHost host) : PoolNsRewriteTests<SqliteApiHost>(host);

public sealed class PoolNsRewritePostgresTests(PostgresApiHost host) : PoolNsRewriteTests<PostgresApiHost>(host);

/// <summary>pool-update changing a pool's ns_records rewrites the apex NS and SOA of that pool's zones, as Designate does.</summary>
public abstract class PoolNsRewriteTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private static async Task<string[]> RecordsAsync(ApiClient client, string zoneId, string type)
    {
        var sets = (await client.GetAsync($"/v2/zones/{zoneId}/recordsets?type={type}")).Json.GetProperty("recordsets");
        return TestData.Strings(Assert.Single(sets.EnumerateArray()).GetProperty("records")).Order().ToArray();
    }

    private static async Task<long> ActiveSerialAsync(ApiClient client, string zoneId) =>
        (await TestData.WaitForStatusAsync(client, $"/v2/zones/{zoneId}", "ACTIVE")).Json.GetProperty("serial").GetInt64();

    [Fact]
    public async Task Changing_a_pools_ns_records_rewrites_its_zones_at_a_new_serial_and_leaves_other_pools_zones_alone()
    {
        var pool = await TestPools.AddAsync(host, "ns1.before.example.", "ns2.before.example.");
        await TestPools.AddKeyAsync(host, pool);
        var admin = host.Client("nsrw-" + Guid.NewGuid().ToString("N")[..8]);
        var (moved, _) = await TestData.CreateZoneAsync(admin);
        var (stays, _) = await TestData.CreateZoneAsync(admin);
        await ActiveSerialAsync(admin, moved);
        Assert.Equal(202, (await admin.PostAsync($"/v2/zones/{moved}/tasks/pool_move", $$"""{"pool_id": "{{pool}}"}""")).Code);
        var before = await ActiveSerialAsync(admin, moved);
        var otherBefore = await ActiveSerialAsync(admin, stays);
        Assert.Equal(["ns1.before.example.", "ns2.before.example."], await RecordsAsync(admin, moved, "NS"));

        await TestPools.LoadAsync(host, pool, "ns9.after.example.", "ns1.before.example.");

        var after = await ActiveSerialAsync(admin, moved);
        Assert.True(after > before, $"serial {after} should pass {before}");
        Assert.Equal(["ns1.before.example.", "ns9.after.example."], await RecordsAsync(admin, moved, "NS"));
        Assert.StartsWith($"ns9.after.example. hostmaster.example.org. {after} ", (await RecordsAsync(admin, moved, "SOA"))[0]);
        Assert.Equal(otherBefore, await ActiveSerialAsync(admin, stays));

        // The same ns_records again change nothing.
        await TestPools.LoadAsync(host, pool, "ns9.after.example.", "ns1.before.example.");
        Assert.Equal(after, await ActiveSerialAsync(admin, moved));
    }
}
