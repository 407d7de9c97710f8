using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api;

public sealed class ZoneContentQuotaSqliteTests(SqliteApiHost host) : ZoneContentQuotaTests<SqliteApiHost>(host);

public sealed class ZoneContentQuotaPostgresTests(PostgresApiHost host) : ZoneContentQuotaTests<PostgresApiHost>(host);

/// <summary>
/// The zone_recordsets and zone_records quotas read counters the database keeps; they must stop a write
/// at exactly the limit, and follow deletes, records dropped by an update (pending deletion: no longer
/// counted) and records taken back.
/// </summary>
public abstract class ZoneContentQuotaTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private readonly string _project = "project-" + Guid.NewGuid().ToString("N")[..8];

    private ApiClient Admin => host.Client(_project);

    [Fact]
    public async Task Zone_quotas_stop_at_the_exact_limit_through_creates_deletes_and_updates()
    {
        var (zoneId, zoneName) = await TestData.CreateZoneAsync(Admin);
        var path = $"/v2/zones/{zoneId}/recordsets";
        var managed = (await Admin.GetAsync(path)).Json.GetProperty("recordsets");
        int sets = managed.GetArrayLength();
        int records = managed.EnumerateArray().Sum(s => s.GetProperty("records").GetArrayLength());
        await SetQuotasAsync(sets + 2, records + 3);

        var a = await CreateAsync(path, "a." + zoneName, "192.0.2.1", "192.0.2.2");
        await OverAsync("zone_records", path, "b." + zoneName, "192.0.2.3", "192.0.2.4");
        var b = await CreateAsync(path, "b." + zoneName, "192.0.2.3");
        await OverAsync("zone_recordsets", path, "c." + zoneName, "192.0.2.5");

        // Sets have room again; records are exactly full.
        await SetQuotasAsync(sets + 3, records + 3);
        await OverAsync("zone_records", path, "c." + zoneName, "192.0.2.5");

        Assert.Equal(202, (await Admin.DeleteAsync($"{path}/{b}")).Code);
        var c = await CreateAsync(path, "c." + zoneName, "192.0.2.5");
        await OverAsync("zone_records", path, "d." + zoneName, "192.0.2.6");

        // An update that drops a record frees its place (the record waits for deletion, not counted);
        // growing a set at the limit is over quota, and taking the dropped record back is too.
        Assert.Equal(202, (await Admin.PutAsync($"{path}/{a}", """{"records": ["192.0.2.1"]}""")).Code);
        await CreateAsync(path, "d." + zoneName, "192.0.2.6");
        ErrorAssert.Is(await Admin.PutAsync($"{path}/{c}", """{"records": ["192.0.2.5", "192.0.2.7"]}"""), 413, "over_quota");
        ErrorAssert.Is(await Admin.PutAsync($"{path}/{a}", """{"records": ["192.0.2.1", "192.0.2.2"]}"""), 413, "over_quota");
        Assert.Equal(202, (await Admin.PutAsync($"{path}/{a}", """{"records": ["192.0.2.9"]}""")).Code);

        // With room again, the record pending deletion is taken back and counted once more.
        await SetQuotasAsync(sets + 4, records + 4);
        Assert.Equal(202, (await Admin.PutAsync($"{path}/{a}", """{"records": ["192.0.2.9", "192.0.2.1"]}""")).Code);
        await OverAsync("zone_records", path, "e." + zoneName, "192.0.2.8");
    }

    private async Task SetQuotasAsync(int recordSets, int records) =>
        Assert.Equal(200, (await Admin.PatchAsync($"/v2/quotas/{_project}", $$"""{"zone_recordsets": {{recordSets}}, "zone_records": {{records}}}""")).Code);

    private async Task<string> CreateAsync(string path, string name, params string[] addresses)
    {
        var created = await Admin.PostAsync(path, TestData.RecordSetBody(name, "A", addresses));
        Assert.True(created.Code == 202, created.ToString());
        return created.Str("id");
    }

    private async Task OverAsync(string quota, string path, string name, params string[] addresses)
    {
        var body = ErrorAssert.Is(await Admin.PostAsync(path, TestData.RecordSetBody(name, "A", addresses)), 413, "over_quota");
        Assert.Equal($"Quota exceeded for {quota}.", body.GetProperty("message").GetString());
    }
}
