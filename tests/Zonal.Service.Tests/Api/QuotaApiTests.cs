using System.Text.Json;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api;

public sealed class QuotaApiSqliteTests(SqliteApiHost host) : QuotaApiTests<SqliteApiHost>(host);

public sealed class QuotaApiPostgresTests(PostgresApiHost host) : QuotaApiTests<PostgresApiHost>(host);

/// <summary>/v2/quotas and /v2/limits over real HTTP, and over_quota on zone and record set writes.</summary>
public abstract class QuotaApiTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private static readonly string[] Keys = ["zones", "zone_recordsets", "zone_records", "recordset_records", "api_export_size"];

    private readonly string _project = "project-" + Guid.NewGuid().ToString("N")[..8];

    private ApiClient Admin => host.Client(_project);

    [Fact]
    public async Task Quotas_of_a_new_project_are_designate_defaults_without_links()
    {
        var response = await Admin.GetAsync("/v2/quotas");
        Assert.Equal(200, response.Code);
        var quotas = response.Json;
        Assert.Equal(Keys.Order(), quotas.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(10, quotas.GetProperty("zones").GetInt32());
        Assert.Equal(500, quotas.GetProperty("zone_recordsets").GetInt32());
        Assert.Equal(500, quotas.GetProperty("zone_records").GetInt32());
        Assert.Equal(20, quotas.GetProperty("recordset_records").GetInt32());
        Assert.Equal(1000, quotas.GetProperty("api_export_size").GetInt32());
        Assert.Equal(response.Text, (await Admin.GetAsync($"/v2/quotas/{_project}")).Text);
    }

    [Fact]
    public async Task Patch_sets_some_keys_and_answers_the_full_dict_then_delete_resets()
    {
        var patched = await Admin.PatchAsync($"/v2/quotas/{_project}", """{"zones": 3, "recordset_records": -1}""");
        Assert.Equal(200, patched.Code);
        Assert.Equal(3, patched.Json.GetProperty("zones").GetInt32());
        Assert.Equal(-1, patched.Json.GetProperty("recordset_records").GetInt32());
        Assert.Equal(500, patched.Json.GetProperty("zone_records").GetInt32());

        var again = await Admin.PatchAsync($"/v2/quotas/{_project}", """{"zones": 4}""");
        Assert.Equal(4, again.Json.GetProperty("zones").GetInt32());
        Assert.Equal(-1, again.Json.GetProperty("recordset_records").GetInt32());
        Assert.Equal(4, (await Admin.GetAsync("/v2/quotas")).Json.GetProperty("zones").GetInt32());

        var reset = await Admin.DeleteAsync($"/v2/quotas/{_project}");
        Assert.Equal(204, reset.Code);
        Assert.Equal("", reset.Text);
        var after = (await Admin.GetAsync("/v2/quotas")).Json;
        Assert.Equal(10, after.GetProperty("zones").GetInt32());
        Assert.Equal(20, after.GetProperty("recordset_records").GetInt32());
    }

    [Fact]
    public async Task Patch_rejects_unknown_keys_and_bad_values()
    {
        ErrorAssert.Is(await Admin.PatchAsync($"/v2/quotas/{_project}", """{"domains": 3}"""), 400, "invalid_object");
        ErrorAssert.IsSchemaError(await Admin.PatchAsync($"/v2/quotas/{_project}", """{"zones": -2}"""), "minimum", "zones");
        ErrorAssert.IsSchemaError(await Admin.PatchAsync($"/v2/quotas/{_project}", """{"zones": 2147483648}"""), "maximum", "zones");
        ErrorAssert.IsSchemaError(await Admin.PatchAsync($"/v2/quotas/{_project}", """{"zones": "3"}"""), "type", "zones");
        ErrorAssert.Is(await Admin.PatchAsync($"/v2/quotas/{_project}", """{"zones": null}"""), 400, "invalid_object");
        ErrorAssert.Is(await Admin.PatchAsync($"/v2/quotas/{_project}", "{"), 400, "invalid_json");
        Assert.Equal(10, (await Admin.GetAsync("/v2/quotas")).Json.GetProperty("zones").GetInt32());
    }

    [Fact]
    public async Task Only_admins_set_quotas_and_other_projects_need_all_projects()
    {
        var member = host.Client(_project, "member");
        ErrorAssert.Is(await member.PatchAsync($"/v2/quotas/{_project}", """{"zones": 100}"""), 403, "forbidden");
        ErrorAssert.Is(await member.DeleteAsync($"/v2/quotas/{_project}"), 403, "forbidden");
        Assert.Equal(200, (await member.GetAsync("/v2/quotas")).Code);
        Assert.Equal(200, (await host.Client(_project, "reader").GetAsync($"/v2/quotas/{_project}")).Code);

        var other = "other-" + Guid.NewGuid().ToString("N")[..8];
        ErrorAssert.Is(await Admin.GetAsync($"/v2/quotas/{other}"), 403, "forbidden");
        ErrorAssert.Is(await member.GetAsync($"/v2/quotas/{other}"), 403, "forbidden");

        Assert.Equal(200, (await Admin.PatchAsync($"/v2/quotas/{other}", """{"zones": 7}""")).Code);
        var all = host.Client(_project);
        all.Headers["X-Auth-All-Projects"] = "true";
        Assert.Equal(7, (await all.GetAsync($"/v2/quotas/{other}")).Json.GetProperty("zones").GetInt32());
    }

    [Fact]
    public async Task Zone_create_over_quota_is_413_and_writes_nothing()
    {
        await Admin.PatchAsync($"/v2/quotas/{_project}", """{"zones": 1}""");
        await TestData.CreateZoneAsync(Admin);
        var name = TestData.ZoneName();
        var body = ErrorAssert.Is(await Admin.PostAsync("/v2/zones", TestData.ZoneBody(name)), 413, "over_quota");
        Assert.Equal("Quota exceeded for zones.", body.GetProperty("message").GetString());
        Assert.Equal(0, (await Admin.GetAsync($"/v2/zones?name={name}")).Json.GetProperty("zones").GetArrayLength());

        // Unlimited lifts the check.
        await Admin.PatchAsync($"/v2/quotas/{_project}", """{"zones": -1}""");
        Assert.Equal(202, (await Admin.PostAsync("/v2/zones", TestData.ZoneBody(name))).Code);
    }

    [Fact]
    public async Task Recordset_records_quota_applies_on_create_and_update()
    {
        await Admin.PatchAsync($"/v2/quotas/{_project}", """{"recordset_records": 2}""");
        var (zoneId, zoneName) = await TestData.CreateZoneAsync(Admin);
        var path = $"/v2/zones/{zoneId}/recordsets";
        var body = ErrorAssert.Is(await Admin.PostAsync(path, TestData.RecordSetBody("www." + zoneName, "A", "192.0.2.1", "192.0.2.2", "192.0.2.3")), 413, "over_quota");
        Assert.Equal("Quota exceeded for recordset_records.", body.GetProperty("message").GetString());

        var created = await Admin.PostAsync(path, TestData.RecordSetBody("www." + zoneName, "A", "192.0.2.1", "192.0.2.2"));
        Assert.Equal(202, created.Code);
        var setPath = $"{path}/{created.Str("id")}";
        ErrorAssert.Is(await Admin.PutAsync(setPath, """{"records": ["192.0.2.1", "192.0.2.2", "192.0.2.3"]}"""), 413, "over_quota");
        var records = (await Admin.GetAsync(setPath)).Json.GetProperty("records");
        Assert.Equal(2, records.GetArrayLength());
    }

    [Fact]
    public async Task Zone_recordsets_and_zone_records_quotas_count_the_managed_sets()
    {
        var (zoneId, zoneName) = await TestData.CreateZoneAsync(Admin);
        var path = $"/v2/zones/{zoneId}/recordsets";

        // SOA and NS are already two sets, holding 1 + 2 records.
        await Admin.PatchAsync($"/v2/quotas/{_project}", """{"zone_recordsets": 3, "zone_records": 5}""");
        Assert.Equal(202, (await Admin.PostAsync(path, TestData.RecordSetBody("a." + zoneName, "A", "192.0.2.1"))).Code);
        var sets = ErrorAssert.Is(await Admin.PostAsync(path, TestData.RecordSetBody("b." + zoneName, "A", "192.0.2.1")), 413, "over_quota");
        Assert.Equal("Quota exceeded for zone_recordsets.", sets.GetProperty("message").GetString());

        await Admin.PatchAsync($"/v2/quotas/{_project}", """{"zone_recordsets": 10}""");
        Assert.Equal(202, (await Admin.PostAsync(path, TestData.RecordSetBody("b." + zoneName, "A", "192.0.2.1"))).Code);
        var records = ErrorAssert.Is(await Admin.PostAsync(path, TestData.RecordSetBody("c." + zoneName, "A", "192.0.2.1")), 413, "over_quota");
        Assert.Equal("Quota exceeded for zone_records.", records.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Limits_report_the_callers_quotas_and_configured_bounds()
    {
        await Admin.PatchAsync($"/v2/quotas/{_project}", """{"zones": 42}""");
        var response = await host.Client(_project, "reader").GetAsync("/v2/limits");
        Assert.Equal(200, response.Code);
        var limits = response.Json;
        Assert.Equal(42, limits.GetProperty("max_zones").GetInt32());
        Assert.Equal(500, limits.GetProperty("max_zone_recordsets").GetInt32());
        Assert.Equal(500, limits.GetProperty("max_zone_records").GetInt32());
        Assert.Equal(20, limits.GetProperty("max_recordset_records").GetInt32());
        Assert.Equal(60, limits.GetProperty("min_ttl").GetInt32());
        Assert.Equal(255, limits.GetProperty("max_zone_name_length").GetInt32());
        Assert.Equal(255, limits.GetProperty("max_recordset_name_length").GetInt32());
        Assert.Equal(1000, limits.GetProperty("max_page_limit").GetInt32());
        Assert.False(limits.TryGetProperty("links", out _));
        Assert.Equal(JsonValueKind.Object, limits.ValueKind);
    }
}
