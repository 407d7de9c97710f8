using System.Text.Json;
using Zonal.Service.Tests.Infrastructure;
using Zonal.Tests.Oracle;

namespace Zonal.Service.Tests.Api.ZoneTasks;

public sealed class ZoneExportApiSqliteTests(SqliteApiHost host) : ZoneExportApiTests<SqliteApiHost>(host);

public sealed class ZoneExportApiPostgresTests(PostgresApiHost host) : ZoneExportApiTests<PostgresApiHost>(host);

/// <summary>Zone exports over real HTTP: the task, the zone file (checked by BIND), its re-import, the size quota.</summary>
public abstract class ZoneExportApiTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private readonly string _project = "exp-" + Guid.NewGuid().ToString("N")[..8];

    private ApiClient Client => host.Client(_project);

    private async Task<ApiResponse> ExportAsync(string zoneId)
    {
        var created = await Client.PostAsync($"/v2/zones/{zoneId}/tasks/export", null);
        Assert.True(created.Code == 202, created.ToString());
        return created;
    }

    [Fact]
    public async Task Export_completes_with_a_designate_location_and_serves_the_zone_file()
    {
        var name = TestData.ZoneName();
        var zoneId = await ZoneTaskData.ImportZoneAsync(Client, ZoneTaskData.ZoneFile(name));
        var created = await ExportAsync(zoneId);
        var task = created.Json;
        var id = task.GetProperty("id").GetString();
        Assert.Equal("PENDING", task.GetProperty("status").GetString());
        Assert.Equal(zoneId, task.GetProperty("zone_id").GetString());
        Assert.EndsWith($"/v2/zones/tasks/exports/{id}", created.Location);
        Assert.Equal(created.Location, task.GetProperty("links").GetProperty("self").GetString());

        var done = await ZoneTaskData.WaitDoneAsync(Client, created.Location!);
        Assert.Equal("COMPLETE", done.Str("status"));
        Assert.Equal($"designate://v2/zones/tasks/exports/{id}/export", done.Str("location"));
        Assert.Equal(created.Location + "/export", done.Json.GetProperty("links").GetProperty("export").GetString());

        // The client asks for text/dns, which no other path answers.
        var dns = host.Client(_project);
        dns.Headers["Accept"] = "text/dns";
        var file = await dns.GetAsync($"/v2/zones/tasks/exports/{id}/export");
        Assert.Equal(200, file.Code);
        var lines = file.Text.Split('\n');
        Assert.Equal($"$ORIGIN {name}", lines[0]);
        Assert.Equal("$TTL 900", lines[1]);
        Assert.Contains("\tSOA\tns1.example.net. first\\.last.example.org. 2024010101 3000 1800 1209600 321", lines[2]);
        Assert.Contains(lines, l => l.EndsWith("\tCAA\t0 issue \"letsencrypt.org\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("www\t300\tIN\tA\t192.0.2.", StringComparison.Ordinal));

        Assert.Equal(406, (await dns.GetAsync($"/v2/zones/{zoneId}")).Code);
        var list = (await Client.GetAsync("/v2/zones/tasks/exports")).Json;
        Assert.Contains(id, list.GetProperty("exports").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(204, (await Client.DeleteAsync($"/v2/zones/tasks/exports/{id}")).Code);
        ErrorAssert.Is(await Client.GetAsync($"/v2/zones/tasks/exports/{id}"), 404, "zone_export_not_found");
        ErrorAssert.Is(await Client.GetAsync($"/v2/zones/tasks/exports/{id}/export"), 404, "zone_export_not_found");
    }

    [Fact]
    public async Task The_exported_file_passes_named_checkzone_and_reimports_to_the_same_records()
    {
        var name = TestData.ZoneName();
        var zoneId = await ZoneTaskData.ImportZoneAsync(Client, ZoneTaskData.ZoneFile(name));
        Assert.Equal(202, (await Client.PostAsync($"/v2/zones/{zoneId}/recordsets", TestData.RecordSetBody("api." + name, "TXT", "\"made\" \"by the api\""))).Code);
        var done = await ZoneTaskData.WaitDoneAsync(Client, (await ExportAsync(zoneId)).Location!);
        var text = (await Client.GetAsync($"/v2/zones/tasks/exports/{done.Str("id")}/export")).Text;

        var checkedZone = NamedCheckZone.DumpText(name, text);
        Assert.True(checkedZone.Succeeded, checkedZone.Describe());

        var before = await ZoneTaskData.RecordSetsAsync(Client, zoneId);
        Assert.Equal(204, (await Client.PostAsync($"/v2/zones/{zoneId}/tasks/abandon", null)).Code);
        var again = await ZoneTaskData.ImportZoneAsync(Client, text);
        Assert.Equal(before, await ZoneTaskData.RecordSetsAsync(Client, again));
    }

    [Fact]
    public async Task Over_api_export_size_the_export_is_refused_at_once()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(Client);
        Assert.Equal(200, (await Client.PatchAsync($"/v2/quotas/{_project}", """{"api_export_size": 1}""")).Code);
        try
        {
            var refused = ErrorAssert.Is(await Client.PostAsync($"/v2/zones/{zoneId}/tasks/export", null), 413, "over_quota");
            Assert.Equal("Quota exceeded for api_export_size.", refused.GetProperty("message").GetString());
            Assert.Equal(0, (await Client.GetAsync($"/v2/zones/tasks/exports?zone_id={zoneId}")).Json.GetProperty("exports").GetArrayLength());
        }
        finally
        {
            await Client.DeleteAsync($"/v2/quotas/{_project}");
        }
    }

    [Fact]
    public async Task Policy_and_unknown_ids()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(Client);
        var reader = host.Client(_project, "reader");
        ErrorAssert.Is(await reader.PostAsync($"/v2/zones/{zoneId}/tasks/export", null), 403, "forbidden");
        ErrorAssert.Is(await host.Client("other-" + Guid.NewGuid().ToString("N")[..8]).PostAsync($"/v2/zones/{zoneId}/tasks/export", null), 404, "zone_not_found");
        ErrorAssert.Is(await Client.PostAsync($"/v2/zones/{Guid.NewGuid()}/tasks/export", null), 404, "zone_not_found");
        ErrorAssert.Is(await Client.PostAsync("/v2/zones/nope/tasks/export", null), 400, "invalid_uuid");

        var done = await ZoneTaskData.WaitDoneAsync(Client, (await ExportAsync(zoneId)).Location!);
        Assert.Equal(200, (await reader.GetAsync($"/v2/zones/tasks/exports/{done.Str("id")}")).Code);
        ErrorAssert.Is(await reader.GetAsync($"/v2/zones/tasks/exports/{done.Str("id")}/export"), 403, "forbidden");
        ErrorAssert.Is(await reader.DeleteAsync($"/v2/zones/tasks/exports/{done.Str("id")}"), 403, "forbidden");
        Assert.Equal(JsonValueKind.Null, done.Json.GetProperty("message").ValueKind);
    }
}
