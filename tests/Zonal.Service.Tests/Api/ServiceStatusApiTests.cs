using System.Text.Json;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api;

public sealed class ServiceStatusApiSqliteTests(SqliteApiHost host) : ServiceStatusApiTests<SqliteApiHost>(host);

public sealed class ServiceStatusApiPostgresTests(PostgresApiHost host) : ServiceStatusApiTests<PostgresApiHost>(host);

/// <summary>/v2/service_statuses: each component of the embedded host reports a heartbeat row.</summary>
public abstract class ServiceStatusApiTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private async Task<List<JsonElement>> WaitForComponentsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await host.Client().GetAsync("/v2/service_statuses");
            Assert.Equal(200, response.Code);
            var rows = response.Json.GetProperty("service_statuses").EnumerateArray().ToList();
            if (rows.Count >= 3 || DateTime.UtcNow > deadline)
            {
                return rows;
            }

            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Every_component_of_the_process_reports_up()
    {
        var rows = await WaitForComponentsAsync();
        Assert.Equal(["api", "central", "worker"], rows.Select(r => r.GetProperty("service_name").GetString()!).Order().ToArray());
        foreach (var row in rows)
        {
            Assert.Equal("UP", row.GetProperty("status").GetString());
            Assert.Equal(Environment.MachineName, row.GetProperty("hostname").GetString());
            Assert.Equal(JsonValueKind.Object, row.GetProperty("stats").ValueKind);
            Assert.Equal(JsonValueKind.Object, row.GetProperty("capabilities").ValueKind);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$", row.GetProperty("heartbeated_at").GetString());
            var id = row.GetProperty("id").GetString();
            Assert.EndsWith($"/v2/service_statuses/{id}", row.GetProperty("links").GetProperty("self").GetString());

            var one = await host.Client().GetAsync($"/v2/service_status/{id}");
            Assert.Equal(200, one.Code);
            Assert.Equal(row.GetProperty("service_name").GetString(), one.Str("service_name"));
            Assert.EndsWith($"/v2/service_statuses/{id}", one.Json.GetProperty("links").GetProperty("self").GetString());
        }
    }

    [Fact]
    public async Task Service_statuses_are_admin_only_and_unknown_ids_are_404()
    {
        ErrorAssert.Is(await host.Client(roles: "member").GetAsync("/v2/service_statuses"), 403, "forbidden");
        ErrorAssert.Is(await host.Client(roles: "reader").GetAsync($"/v2/service_statuses/{Guid.NewGuid()}"), 403, "forbidden");
        ErrorAssert.Is(await host.Client().GetAsync($"/v2/service_statuses/{Guid.NewGuid()}"), 404, "service_status_not_found");
        ErrorAssert.Is(await host.Client().GetAsync("/v2/service_statuses/nope"), 400, "invalid_uuid");
    }
}
