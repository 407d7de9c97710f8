using System.Text.Json;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api.Admin;

public sealed class TldApiSqliteTests(SqliteApiHost host) : TldApiTests<SqliteApiHost>(host);

public sealed class TldApiPostgresTests(PostgresApiHost host) : TldApiTests<PostgresApiHost>(host);

/// <summary>/v2/tlds over real HTTP: shapes, lifecycle, paging, errors, admin-only policy and the zone-name check.</summary>
public abstract class TldApiTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private readonly ApiClient _admin = host.Client();

    private static string Body(string name, string? description = null) =>
        JsonSerializer.Serialize(new { name, description });

    [Fact]
    public async Task Create_show_patch_and_delete_follow_designate()
    {
        var name = AdminAssert.Unique("t");
        var created = await _admin.PostAsync("/v2/tlds", Body(name, "first"));

        Assert.Equal(201, created.Code);
        var tld = created.Json;
        var id = tld.GetProperty("id").GetString()!;
        Assert.Equal(tld.GetProperty("links").GetProperty("self").GetString(), created.Location);
        Assert.EndsWith($"/v2/tlds/{id}", created.Location);
        Assert.Equal(name, tld.GetProperty("name").GetString());
        Assert.Equal("first", tld.GetProperty("description").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$", tld.GetProperty("created_at").GetString());
        Assert.Equal(JsonValueKind.Null, tld.GetProperty("updated_at").ValueKind);

        var shown = await _admin.GetAsync($"/v2/tlds/{id}");
        Assert.Equal(200, shown.Code);
        Assert.Equal(name, shown.Str("name"));

        var patched = await _admin.PatchAsync($"/v2/tlds/{id}", """{"description": "second"}""");
        Assert.Equal(200, patched.Code);
        Assert.Equal("second", patched.Str("description"));
        Assert.Equal(name, patched.Str("name"));
        Assert.NotEqual(JsonValueKind.Null, patched.Json.GetProperty("updated_at").ValueKind);

        var renamed = await _admin.PatchAsync($"/v2/tlds/{id}", Body(name + "x", null));
        Assert.Equal(name + "x", renamed.Str("name"));
        Assert.Equal(JsonValueKind.Null, renamed.Json.GetProperty("description").ValueKind);

        var deleted = await _admin.DeleteAsync($"/v2/tlds/{id}");
        Assert.Equal(204, deleted.Code);
        Assert.Equal("", deleted.Text);
        ErrorAssert.Is(await _admin.GetAsync($"/v2/tlds/{id}"), 404, "tld_not_found");
    }

    [Fact]
    public async Task Multi_label_tlds_are_accepted()
    {
        var name = "co." + AdminAssert.Unique("m");
        Assert.Equal(201, (await _admin.PostAsync("/v2/tlds", Body(name))).Code);
    }

    [Fact]
    public async Task Duplicate_names_are_409_whatever_the_case()
    {
        var name = AdminAssert.Unique("d");
        Assert.Equal(201, (await _admin.PostAsync("/v2/tlds", Body(name))).Code);
        ErrorAssert.Is(await _admin.PostAsync("/v2/tlds", Body(name)), 409, "duplicate_tld");
        ErrorAssert.Is(await _admin.PostAsync("/v2/tlds", Body(name.ToUpperInvariant())), 409, "duplicate_tld");

        var other = await _admin.PostAsync("/v2/tlds", Body(name + "o"));
        ErrorAssert.Is(await _admin.PatchAsync($"/v2/tlds/{other.Str("id")}", Body(name)), 409, "duplicate_tld");
    }

    [Fact]
    public async Task Invalid_fields_are_schema_errors()
    {
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tlds", Body("com.")), "format", "name");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tlds", Body("bad..name")), "format", "name");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tlds", Body("-bad")), "format", "name");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tlds", Body("")), "format", "name");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tlds", Body(string.Join('.', Enumerable.Repeat("abcdefg", 40)))), "maxLength", "name");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tlds", Body(AdminAssert.Unique("l"), new string('d', 161))), "maxLength", "description");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tlds", """{"description": "no name"}"""), "required", "name");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/tlds", """{"name": 5}"""), "type", "name");

        var id = (await _admin.PostAsync("/v2/tlds", Body(AdminAssert.Unique("v")))).Str("id");
        ErrorAssert.IsSchemaError(await _admin.PatchAsync($"/v2/tlds/{id}", Body("x.")), "format", "name");
        ErrorAssert.Is(await _admin.PatchAsync($"/v2/tlds/{id}", $$"""{"id": "{{Guid.NewGuid()}}"}"""), 400, "invalid_object");
        Assert.Equal(200, (await _admin.PatchAsync($"/v2/tlds/{id}", $$"""{"id": "{{id}}"}""")).Code);
        await AdminAssert.BodyErrorsAsync(_admin, "/v2/tlds", Body(AdminAssert.Unique("b")));
    }

    [Fact]
    public async Task Unknown_and_malformed_ids()
    {
        await AdminAssert.UnknownAndMalformedIdsAsync(_admin, "/v2/tlds", "tld_not_found", """{"description": "x"}""");
    }

    [Fact]
    public async Task Only_admins_may_touch_tlds()
    {
        var id = (await _admin.PostAsync("/v2/tlds", Body(AdminAssert.Unique("f")))).Str("id");
        await AdminAssert.ForbiddenToNonAdminsAsync(host, "/v2/tlds", id, Body(AdminAssert.Unique("g")));
        Assert.Equal(200, (await _admin.GetAsync($"/v2/tlds/{id}")).Code);
    }

    [Fact]
    public async Task List_pages_filters_and_sorts_without_metadata()
    {
        var prefix = AdminAssert.Unique("l");
        foreach (var suffix in new[] { "c", "a", "b" })
        {
            Assert.Equal(201, (await _admin.PostAsync("/v2/tlds", Body(prefix + suffix))).Code);
        }

        var first = await _admin.GetAsync($"/v2/tlds?name={prefix}*&sort_key=name&limit=2");
        Assert.Equal(200, first.Code);
        Assert.False(first.Json.TryGetProperty("metadata", out _));
        var names = first.Json.GetProperty("tlds").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToArray();
        Assert.Equal([prefix + "a", prefix + "b"], names);
        var next = first.Json.GetProperty("links").GetProperty("next").GetString()!;
        Assert.Contains("marker=", next);

        var second = await _admin.GetAsync(new Uri(next).PathAndQuery);
        var rest = second.Json.GetProperty("tlds").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToArray();
        Assert.Equal([prefix + "c"], rest);
        Assert.False(second.Json.GetProperty("links").TryGetProperty("next", out _));

        var desc = await _admin.GetAsync($"/v2/tlds?name={prefix.ToUpperInvariant()}*&sort_key=name&sort_dir=desc");
        Assert.Equal(prefix + "c", desc.Json.GetProperty("tlds")[0].GetProperty("name").GetString());
        var exact = await _admin.GetAsync($"/v2/tlds?name={prefix}b");
        Assert.Single(exact.Json.GetProperty("tlds").EnumerateArray());

        ErrorAssert.Is(await _admin.GetAsync("/v2/tlds?description=x"), 400, "bad_request");
        ErrorAssert.Is(await _admin.GetAsync("/v2/tlds?sort_key=description"), 400, "invalid_sort_key");
        ErrorAssert.Is(await _admin.GetAsync("/v2/tlds?limit=0"), 400, "invalid_limit");
        ErrorAssert.Is(await _admin.GetAsync($"/v2/tlds?marker={Guid.NewGuid()}"), 400, "marker_not_found");
    }

    [Fact]
    public async Task Once_tlds_exist_zones_need_a_listed_tld_and_may_not_be_one()
    {
        // Every zone name of these tests ends in .test., so that TLD must exist once any does.
        var listed = await _admin.PostAsync("/v2/tlds", Body("test"));
        Assert.True(listed.Code is 201 or 409, listed.ToString());

        var unlisted = AdminAssert.Unique("u");
        var refused = ErrorAssert.Is(await _admin.PostAsync("/v2/zones", TestData.ZoneBody($"example.{unlisted}.")), 400, "invalid_zone_name");
        Assert.Equal("Invalid TLD", refused.GetProperty("message").GetString());

        await TestData.CreateZoneAsync(_admin);

        var multi = AdminAssert.Unique("s") + ".test";
        Assert.Equal(201, (await _admin.PostAsync("/v2/tlds", Body(multi))).Code);
        var same = ErrorAssert.Is(await _admin.PostAsync("/v2/zones", TestData.ZoneBody(multi.ToUpperInvariant() + ".")), 400, "invalid_zone_name");
        Assert.Equal("Zone name cannot be the same as a TLD", same.GetProperty("message").GetString());

        var added = await _admin.PostAsync("/v2/tlds", Body(unlisted));
        Assert.Equal(202, (await _admin.PostAsync("/v2/zones", TestData.ZoneBody($"example.{unlisted}."))).Code);
        Assert.Equal(204, (await _admin.DeleteAsync($"/v2/tlds/{added.Str("id")}")).Code);
        ErrorAssert.Is(await _admin.PostAsync("/v2/zones", TestData.ZoneBody($"other.{unlisted}.")), 400, "invalid_zone_name");
    }
}
