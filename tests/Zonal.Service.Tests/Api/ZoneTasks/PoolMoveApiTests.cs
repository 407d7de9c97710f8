using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api.ZoneTasks;

public sealed class PoolMoveApiSqliteTests(SqliteApiHost host) : PoolMoveApiTests<SqliteApiHost>(host);

public sealed class PoolMoveApiPostgresTests(PostgresApiHost host) : PoolMoveApiTests<PostgresApiHost>(host);

/// <summary>POST /v2/zones/{id}/tasks/pool_move over real HTTP, with a second pool loaded by pool-update.</summary>
public abstract class PoolMoveApiTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private const string DefaultPoolId = "794ccc2c-d751-44fe-b57f-8894c9f5c842";
    private readonly string _project = "move-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<string[]> RecordsAsync(ApiClient client, string zoneId, string type)
    {
        var sets = (await client.GetAsync($"/v2/zones/{zoneId}/recordsets?type={type}")).Json.GetProperty("recordsets");
        return TestData.Strings(Assert.Single(sets.EnumerateArray()).GetProperty("records")).Order().ToArray();
    }

    [Fact]
    public async Task Admin_moves_a_zone_to_another_pool_with_a_pool_key_and_the_zone_then_carries_its_ns_records()
    {
        var pool = await TestPools.AddAsync(host, "ns-b.second.example.", "ns-a.second.example.");
        var admin = host.Client(_project);
        var (id, _) = await TestData.CreateZoneAsync(admin);
        var path = $"/v2/zones/{id}/tasks/pool_move";
        ErrorAssert.Is(await admin.PostAsync(path, $$"""{"pool_id": "{{pool}}"}"""), 400, "bad_request");
        await TestPools.AddKeyAsync(host, pool);
        var before = await TestData.WaitForStatusAsync(admin, $"/v2/zones/{id}", "ACTIVE");
        Assert.Equal("ACTIVE", before.Str("status"));
        var serial = before.Json.GetProperty("serial").GetInt64();

        var moved = await admin.PostAsync(path, $$"""{"pool_id": "{{pool}}"}""");
        Assert.Equal(202, moved.Code);
        Assert.Equal("", moved.Text);

        // The move went out as a PENDING UPDATE at a new serial; a pool without targets finishes it at once,
        // so the outbox row, not the zone's passing status, is what shows it.
        var moving = await host.QueryAsync(db => db.Zones.AsNoTracking().SingleAsync(z => z.Id == Guid.Parse(id)));
        Assert.Equal(Guid.Parse(pool), moving.PoolId);
        Assert.True(moving.Serial > serial);
        var outboxAction = await host.QueryAsync(db => db.Outbox.Where(o => o.ZoneId == moving.Id && o.Serial == moving.Serial).Select(o => o.Action).SingleAsync());
        Assert.Equal(ChangeAction.Update, outboxAction);

        // Until the move is confirmed the zone names the pool it left; the confirmation clears it in the same
        // statement that turns the zone ACTIVE (which may already have happened here).
        Assert.Equal(moving.Status == "ACTIVE" ? null : Guid.Parse(DefaultPoolId), moving.MovedFromPoolId);

        var zone = await TestData.WaitForStatusAsync(admin, $"/v2/zones/{id}", "ACTIVE");
        Assert.Equal("ACTIVE", zone.Str("status"));
        Assert.Equal(pool, zone.Str("pool_id"));
        Assert.Null(await host.QueryAsync(db => db.Zones.Where(z => z.Id == moving.Id).Select(z => z.MovedFromPoolId).SingleAsync()));
        Assert.Equal(["ns-a.second.example.", "ns-b.second.example."], await RecordsAsync(admin, id, "NS"));
        Assert.StartsWith("ns-b.second.example. ", (await RecordsAsync(admin, id, "SOA"))[0]);
        var servers = (await admin.GetAsync($"/v2/zones/{id}/nameservers")).Json.GetProperty("nameservers");
        Assert.Equal("ns-b.second.example.", servers[0].GetProperty("hostname").GetString());

        // Without a body the scheduler (default_pool filter) brings it back.
        Assert.Equal(202, (await admin.PostAsync(path, null)).Code);
        var back = await TestData.WaitForStatusAsync(admin, $"/v2/zones/{id}", "ACTIVE");
        Assert.Equal(DefaultPoolId, back.Str("pool_id"));
        Assert.DoesNotContain("ns-a.second.example.", await RecordsAsync(admin, id, "NS"));
    }

    [Fact]
    public async Task Same_pool_unknown_pool_malformed_pool_and_a_deleting_zone_are_400_and_members_403()
    {
        var admin = host.Client(_project);
        var member = host.Client(_project, roles: "member");
        var (id, _) = await TestData.CreateZoneAsync(admin);
        var path = $"/v2/zones/{id}/tasks/pool_move";

        ErrorAssert.Is(await admin.PostAsync(path, $$"""{"pool_id": "{{DefaultPoolId}}"}"""), 400, "bad_request");
        ErrorAssert.Is(await admin.PostAsync(path, null), 400, "bad_request");
        ErrorAssert.Is(await admin.PostAsync(path, $$"""{"pool_id": "{{Guid.NewGuid()}}"}"""), 400, "bad_request");
        ErrorAssert.IsSchemaError(await admin.PostAsync(path, """{"pool_id": "nope"}"""), "format", "pool_id");
        ErrorAssert.Is(await member.PostAsync(path, null), 403, "forbidden");
        ErrorAssert.Is(await admin.PostAsync($"/v2/zones/{Guid.NewGuid()}/tasks/pool_move", null), 404, "zone_not_found");

        // Marked DELETE by hand once the create is done, so no worker run races the check.
        var pool = await TestPools.AddAsync(host, "ns.third.example.");
        await TestPools.AddKeyAsync(host, pool);
        Assert.Equal("ACTIVE", (await TestData.WaitForStatusAsync(admin, $"/v2/zones/{id}", "ACTIVE")).Str("status"));
        await host.QueryAsync(db => db.Zones.Where(z => z.Id == Guid.Parse(id))
            .ExecuteUpdateAsync(z => z.SetProperty(x => x.Action, ChangeAction.Delete).SetProperty(x => x.Status, Status.Pending)));
        ErrorAssert.Is(await admin.PostAsync(path, $$"""{"pool_id": "{{pool}}"}"""), 400, "bad_request");
        var stored = await host.QueryAsync(db => db.Zones.AsNoTracking().SingleAsync(z => z.Id == Guid.Parse(id)));
        Assert.Equal(Guid.Parse(DefaultPoolId), stored.PoolId);
    }

    [Fact]
    public async Task Patch_with_another_pool_id_is_400_pointing_to_pool_move_and_the_zone_stays_while_the_same_pool_id_is_accepted()
    {
        var pool = await TestPools.AddAsync(host, "ns.patched.example.");
        await TestPools.AddKeyAsync(host, pool);
        var admin = host.Client(_project);
        var (id, _) = await TestData.CreateZoneAsync(admin);

        var refused = await admin.PatchAsync($"/v2/zones/{id}", $$"""{"pool_id": "{{pool}}", "description": "moved?"}""");
        ErrorAssert.Is(refused, 400, "invalid_object");
        Assert.Contains("pool_move", refused.Text);
        ErrorAssert.Is(await admin.PatchAsync($"/v2/zones/{id}", """{"pool_id": null}"""), 400, "invalid_object");
        var stored = await host.QueryAsync(db => db.Zones.AsNoTracking().SingleAsync(z => z.Id == Guid.Parse(id)));
        Assert.Equal(Guid.Parse(DefaultPoolId), stored.PoolId);
        Assert.Null(stored.Description);

        var same = await admin.PatchAsync($"/v2/zones/{id}", $$"""{"pool_id": "{{DefaultPoolId}}", "description": "same pool"}""");
        Assert.True(same.Code is 200 or 202, same.ToString());
        Assert.Equal("same pool", same.Str("description"));
        Assert.Equal(DefaultPoolId, same.Str("pool_id"));
    }
}
