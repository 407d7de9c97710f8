using System.Text.Json;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api.Admin;

public sealed class TsigKeyApiSqliteTests(SqliteApiHost host) : TsigKeyApiTests<SqliteApiHost>(host);

public sealed class TsigKeyApiPostgresTests(PostgresApiHost host) : TsigKeyApiTests<PostgresApiHost>(host);

/// <summary>/v2/tsigkeys over real HTTP: shapes, lifecycle, algorithm and scope checks, errors and policy.</summary>
public abstract class TsigKeyApiTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private const string DefaultPool = "794ccc2c-d751-44fe-b57f-8894c9f5c842";

    private readonly ApiClient _admin = host.Client();

    private static string Body(string name, string algorithm = "hmac-sha256", string secret = "c2VjcmV0", string scope = "POOL", string resourceId = DefaultPool) =>
        JsonSerializer.Serialize(new { name, algorithm, secret, scope, resource_id = resourceId });

    [Fact]
    public async Task Create_show_patch_and_delete_follow_designate()
    {
        var name = AdminAssert.Unique("key");
        var created = await _admin.PostAsync("/v2/tsigkeys", Body(name, "hmac-sha512", "dGhlIHNlY3JldA=="));

        Assert.Equal(201, created.Code);
        var key = created.Json;
        var id = key.GetProperty("id").GetString()!;
        Assert.Equal(key.GetProperty("links").GetProperty("self").GetString(), created.Location);
        Assert.EndsWith($"/v2/tsigkeys/{id}", created.Location);
        Assert.Equal(name, key.GetProperty("name").GetString());
        Assert.Equal("hmac-sha512", key.GetProperty("algorithm").GetString());
        Assert.Equal("dGhlIHNlY3JldA==", key.GetProperty("secret").GetString());
        Assert.Equal("POOL", key.GetProperty("scope").GetString());
        Assert.Equal(DefaultPool, key.GetProperty("resource_id").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$", key.GetProperty("created_at").GetString());
        Assert.Equal(JsonValueKind.Null, key.GetProperty("updated_at").ValueKind);

        Assert.Equal("dGhlIHNlY3JldA==", (await _admin.GetAsync($"/v2/tsigkeys/{id}")).Str("secret"));

        var patched = await _admin.PatchAsync($"/v2/tsigkeys/{id}", $$"""{"name": "{{name}}2", "algorithm": "hmac-md5", "secret": "bmV3"}""");
        Assert.Equal(200, patched.Code);
        Assert.Equal(name + "2", patched.Str("name"));
        Assert.Equal("hmac-md5", patched.Str("algorithm"));
        Assert.Equal("bmV3", patched.Str("secret"));
        Assert.Equal("POOL", patched.Str("scope"));
        Assert.NotEqual(JsonValueKind.Null, patched.Json.GetProperty("updated_at").ValueKind);

        Assert.Equal(204, (await _admin.DeleteAsync($"/v2/tsigkeys/{id}")).Code);
        ErrorAssert.Is(await _admin.GetAsync($"/v2/tsigkeys/{id}"), 404, "tsigkey_not_found");
    }

    [Fact]
    public async Task Every_designate_algorithm_is_accepted_and_others_are_not()
    {
        foreach (var algorithm in new[] { "hmac-md5", "hmac-sha1", "hmac-sha224", "hmac-sha256", "hmac-sha384", "hmac-sha512" })
        {
            var created = await _admin.PostAsync("/v2/tsigkeys", Body(AdminAssert.Unique("a"), algorithm));
            Assert.True(created.Code == 201, created.ToString());
            Assert.Equal(algorithm, created.Str("algorithm"));
        }

        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tsigkeys", Body(AdminAssert.Unique("a"), "hmac-sha999")), "enum", "algorithm");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tsigkeys", Body(AdminAssert.Unique("a"), "hmac-sha256.")), "enum", "algorithm");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tsigkeys", Body(AdminAssert.Unique("a"), "HMAC-SHA256")), "enum", "algorithm");
    }

    [Fact]
    public async Task Zone_scope_needs_a_live_zone_and_pool_scope_a_known_pool()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(_admin);
        var zoneKey = await _admin.PostAsync("/v2/tsigkeys", Body(AdminAssert.Unique("z"), scope: "ZONE", resourceId: zoneId));
        Assert.Equal(201, zoneKey.Code);
        Assert.Equal("ZONE", zoneKey.Str("scope"));
        Assert.Equal(zoneId, zoneKey.Str("resource_id"));

        ErrorAssert.Is(await _admin.PostAsync("/v2/tsigkeys", Body(AdminAssert.Unique("z"), scope: "ZONE", resourceId: Guid.NewGuid().ToString())), 400, "invalid_tsigkey");
        ErrorAssert.Is(await _admin.PostAsync("/v2/tsigkeys", Body(AdminAssert.Unique("z"), scope: "POOL", resourceId: zoneId)), 400, "invalid_tsigkey");
        ErrorAssert.Is(await _admin.PatchAsync($"/v2/tsigkeys/{zoneKey.Str("id")}", """{"scope": "POOL"}"""), 400, "invalid_tsigkey");
        var moved = await _admin.PatchAsync($"/v2/tsigkeys/{zoneKey.Str("id")}", $$"""{"scope": "POOL", "resource_id": "{{DefaultPool}}"}""");
        Assert.Equal(200, moved.Code);
        Assert.Equal("POOL", moved.Str("scope"));
        Assert.Equal(DefaultPool, moved.Str("resource_id"));
    }

    [Fact]
    public async Task A_zone_scoped_key_outlives_its_zone_as_in_designate()
    {
        // Designate's zone delete and purge leave tsigkeys alone (resource_id is no foreign key).
        var (zoneId, _) = await TestData.CreateZoneAsync(_admin);
        var key = (await _admin.PostAsync("/v2/tsigkeys", Body(AdminAssert.Unique("gone"), scope: "ZONE", resourceId: zoneId))).Str("id");

        Assert.Equal(202, (await _admin.DeleteAsync($"/v2/zones/{zoneId}")).Code);
        ErrorAssert.Is(await TestData.WaitForStatusAsync(_admin, $"/v2/zones/{zoneId}", "gone"), 404, "zone_not_found");

        var kept = await _admin.GetAsync($"/v2/tsigkeys/{key}");
        Assert.Equal(200, kept.Code);
        Assert.Equal("ZONE", kept.Str("scope"));
        Assert.Equal(zoneId, kept.Str("resource_id"));
    }

    [Fact]
    public async Task Invalid_fields_are_schema_errors()
    {
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tsigkeys", Body(AdminAssert.Unique("s"), scope: "TENANT")), "enum", "scope");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tsigkeys", Body(AdminAssert.Unique("s"), resourceId: "not-a-uuid")), "format", "resource_id");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tsigkeys", Body(new string('n', 161))), "maxLength", "name");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tsigkeys", Body("")), "minLength", "name");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tsigkeys", Body(AdminAssert.Unique("s"), secret: new string('s', 161))), "maxLength", "secret");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tsigkeys", $$"""{"name": "x", "algorithm": "hmac-md5", "scope": "POOL", "resource_id": "{{DefaultPool}}"}"""), "required", "secret");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tsigkeys", """{"name": "x", "algorithm": "hmac-md5", "secret": "a", "scope": "POOL"}"""), "required", "resource_id");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tsigkeys", $$"""{"name": 1, "algorithm": "hmac-md5", "secret": "a", "scope": "POOL", "resource_id": "{{DefaultPool}}"}"""), "type", "name");

        var id = (await _admin.PostAsync("/v2/tsigkeys", Body(AdminAssert.Unique("s")))).Str("id");
        ErrorAssert.IsSchemaError(await _admin.PatchAsync($"/v2/tsigkeys/{id}", """{"algorithm": "md5"}"""), "enum", "algorithm");
        ErrorAssert.IsSchemaError(await _admin.PatchAsync($"/v2/tsigkeys/{id}", """{"scope": null}"""), "type", "scope");
        ErrorAssert.Is(await _admin.PatchAsync($"/v2/tsigkeys/{id}", """{"links": {}}"""), 400, "invalid_object");
        await AdminAssert.BodyErrorsAsync(_admin, "/v2/tsigkeys", Body(AdminAssert.Unique("s")));
    }

    [Fact]
    public async Task Empty_secrets_are_allowed_as_designate_defaults()
    {
        var created = await _admin.PostAsync("/v2/tsigkeys", Body(AdminAssert.Unique("e"), secret: ""));
        Assert.Equal(201, created.Code);
        Assert.Equal("", created.Str("secret"));
    }

    [Fact]
    public async Task Duplicate_names_are_409()
    {
        var name = AdminAssert.Unique("dup");
        Assert.Equal(201, (await _admin.PostAsync("/v2/tsigkeys", Body(name))).Code);
        ErrorAssert.Is(await _admin.PostAsync("/v2/tsigkeys", Body(name, "hmac-sha1")), 409, "duplicate_tsigkey");

        var other = await _admin.PostAsync("/v2/tsigkeys", Body(name + "o"));
        ErrorAssert.Is(await _admin.PatchAsync($"/v2/tsigkeys/{other.Str("id")}", $$"""{"name": "{{name}}"}"""), 409, "duplicate_tsigkey");
    }

    [Fact]
    public async Task Unknown_and_malformed_ids()
    {
        await AdminAssert.UnknownAndMalformedIdsAsync(_admin, "/v2/tsigkeys", "tsigkey_not_found", """{"secret": "x"}""");
    }

    [Fact]
    public async Task Only_admins_may_touch_tsigkeys()
    {
        var id = (await _admin.PostAsync("/v2/tsigkeys", Body(AdminAssert.Unique("f")))).Str("id");
        await AdminAssert.ForbiddenToNonAdminsAsync(host, "/v2/tsigkeys", id, Body(AdminAssert.Unique("g")), """{"secret": "x"}""");
        Assert.Equal(200, (await _admin.GetAsync($"/v2/tsigkeys/{id}")).Code);
    }

    [Fact]
    public async Task List_pages_and_filters_by_name_algorithm_and_scope()
    {
        var prefix = AdminAssert.Unique("l");
        var (zoneId, _) = await TestData.CreateZoneAsync(_admin);
        Assert.Equal(201, (await _admin.PostAsync("/v2/tsigkeys", Body(prefix + "c", "hmac-sha1"))).Code);
        Assert.Equal(201, (await _admin.PostAsync("/v2/tsigkeys", Body(prefix + "a", "hmac-sha1", scope: "ZONE", resourceId: zoneId))).Code);
        Assert.Equal(201, (await _admin.PostAsync("/v2/tsigkeys", Body(prefix + "b", "hmac-sha384"))).Code);

        var first = await _admin.GetAsync($"/v2/tsigkeys?name={prefix}*&sort_key=name&limit=2");
        Assert.Equal(200, first.Code);
        Assert.False(first.Json.TryGetProperty("metadata", out _));
        Assert.Equal([prefix + "a", prefix + "b"], Names(first));
        var second = await _admin.GetAsync(new Uri(first.Json.GetProperty("links").GetProperty("next").GetString()!).PathAndQuery);
        Assert.Equal([prefix + "c"], Names(second));

        Assert.Equal([prefix + "a", prefix + "c"], Names(await _admin.GetAsync($"/v2/tsigkeys?name={prefix}*&algorithm=hmac-sha1&sort_key=name")));
        Assert.Equal([prefix + "a"], Names(await _admin.GetAsync($"/v2/tsigkeys?name={prefix}*&scope=ZONE")));
        Assert.Equal([prefix + "c", prefix + "b", prefix + "a"], Names(await _admin.GetAsync($"/v2/tsigkeys?name={prefix}*&sort_key=name&sort_dir=desc")));

        ErrorAssert.Is(await _admin.GetAsync("/v2/tsigkeys?secret=x"), 400, "bad_request");
        ErrorAssert.Is(await _admin.GetAsync("/v2/tsigkeys?name=a&name=b"), 400, "bad_request");
        ErrorAssert.Is(await _admin.GetAsync("/v2/tsigkeys?sort_key=algorithm"), 400, "invalid_sort_key");
    }

    private static string[] Names(ApiResponse response) =>
        response.Json.GetProperty("tsigkeys").EnumerateArray().Select(k => k.GetProperty("name").GetString()!).ToArray();
}
