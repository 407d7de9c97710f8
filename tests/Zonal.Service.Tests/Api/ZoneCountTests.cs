using Zonal.Service.Tests.Compatibility;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api;

public sealed class ZoneCountSqliteTests(SqliteApiHost host) : ZoneCountTests<SqliteApiHost>(host);

public sealed class ZoneCountPostgresTests(PostgresApiHost host) : ZoneCountTests<PostgresApiHost>(host);

/// <summary>
/// An unfiltered zone list takes its total_count from the per-project counter the database keeps;
/// it must agree with counting the rows (a filtered list) through every way a zone comes and goes.
/// </summary>
public abstract class ZoneCountTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    [Fact]
    public async Task Total_count_follows_creates_deletes_abandons_and_transfers()
    {
        var project = Projects.New("counted");
        var member = host.Client(project, "member");
        var admin = host.Client(project);
        var receiver = host.Client(Projects.New("receiver"), "member");
        var ids = new List<string>();
        for (int i = 0; i < 4; i++)
        {
            ids.Add((await TestData.CreateZoneAsync(member)).Id);
        }

        await AssertTotalAsync(member, 4);

        Assert.Equal(202, (await member.DeleteAsync($"/v2/zones/{ids[0]}")).Code);
        await WaitGoneAsync(member, ids[0]);
        await AssertTotalAsync(member, 3);

        Assert.Equal(204, (await admin.PostAsync($"/v2/zones/{ids[1]}/tasks/abandon", null)).Code);
        await AssertTotalAsync(member, 2);

        var request = (await member.PostAsync($"/v2/zones/{ids[2]}/tasks/transfer_requests", $$"""{"target_project_id": "{{receiver.Project}}"}""")).Json;
        var accepted = await receiver.PostAsync("/v2/zones/tasks/transfer_accepts",
            $$"""{"zone_transfer_request_id": "{{request.Str("id")}}", "key": "{{request.Str("key")}}"}""");
        Assert.True(accepted.Code == 201, accepted.ToString());
        await AssertTotalAsync(member, 1);
        await AssertTotalAsync(receiver, 1);

        admin.Headers["X-Auth-All-Projects"] = "true";
        await AssertTotalAsync(admin, 2);
    }

    /// <summary>The counter (no filter), a row count (a filter matching every zone) and the rows agree.</summary>
    private static async Task AssertTotalAsync(ApiClient client, long expected)
    {
        var counted = await client.GetAsync("/v2/zones?limit=max");
        Assert.Equal(expected, counted.Json.GetProperty("metadata").GetProperty("total_count").GetInt64());
        Assert.Equal(expected, counted.Json.GetProperty("zones").GetArrayLength());
        var filtered = await client.GetAsync("/v2/zones?name=*");
        Assert.Equal(expected, filtered.Json.GetProperty("metadata").GetProperty("total_count").GetInt64());
    }

    private static async Task WaitGoneAsync(ApiClient client, string zoneId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await client.GetAsync($"/v2/zones/{zoneId}")).Code != 404)
        {
            Assert.True(DateTime.UtcNow < deadline, "the deleted zone never went");
            await Task.Delay(50);
        }
    }
}
