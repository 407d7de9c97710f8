using System.Text.Json;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api.Admin;

public sealed class BlacklistApiSqliteTests(SqliteApiHost host) : BlacklistApiTests<SqliteApiHost>(host);

public sealed class BlacklistApiPostgresTests(PostgresApiHost host) : BlacklistApiTests<PostgresApiHost>(host);

/// <summary>/v2/blacklists over real HTTP: shapes, lifecycle, regex checks, errors, policy and the zone-name check.</summary>
public abstract class BlacklistApiTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private readonly ApiClient _admin = host.Client();

    private static string Body(string pattern, string? description = null) =>
        JsonSerializer.Serialize(new { pattern, description });

    [Fact]
    public async Task Create_show_patch_and_delete_follow_designate()
    {
        var pattern = $@"^{AdminAssert.Unique("b")}\.test\.$";
        var created = await _admin.PostAsync("/v2/blacklists", Body(pattern, "reserved"));

        Assert.Equal(201, created.Code);
        var entry = created.Json;
        var id = entry.GetProperty("id").GetString()!;
        Assert.Equal(entry.GetProperty("links").GetProperty("self").GetString(), created.Location);
        Assert.EndsWith($"/v2/blacklists/{id}", created.Location);
        Assert.Equal(pattern, entry.GetProperty("pattern").GetString());
        Assert.Equal("reserved", entry.GetProperty("description").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$", entry.GetProperty("created_at").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("updated_at").ValueKind);

        Assert.Equal(pattern, (await _admin.GetAsync($"/v2/blacklists/{id}")).Str("pattern"));

        var patched = await _admin.PatchAsync($"/v2/blacklists/{id}", Body(pattern + "x", "changed"));
        Assert.Equal(200, patched.Code);
        Assert.Equal(pattern + "x", patched.Str("pattern"));
        Assert.Equal("changed", patched.Str("description"));
        Assert.NotEqual(JsonValueKind.Null, patched.Json.GetProperty("updated_at").ValueKind);

        Assert.Equal(204, (await _admin.DeleteAsync($"/v2/blacklists/{id}")).Code);
        ErrorAssert.Is(await _admin.GetAsync($"/v2/blacklists/{id}"), 404, "blacklist_not_found");
    }

    [Fact]
    public async Task Duplicate_patterns_are_409()
    {
        var pattern = AdminAssert.Unique("dup");
        Assert.Equal(201, (await _admin.PostAsync("/v2/blacklists", Body(pattern))).Code);
        ErrorAssert.Is(await _admin.PostAsync("/v2/blacklists", Body(pattern)), 409, "duplicate_blacklist");

        var other = await _admin.PostAsync("/v2/blacklists", Body(pattern + "o"));
        ErrorAssert.Is(await _admin.PatchAsync($"/v2/blacklists/{other.Str("id")}", Body(pattern)), 409, "duplicate_blacklist");
    }

    [Fact]
    public async Task Patterns_and_descriptions_must_be_regexes()
    {
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/blacklists", Body("([a-z")), "format", "pattern");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/blacklists", Body("")), "format", "pattern");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/blacklists", Body(AdminAssert.Unique("r"), "unclosed (")), "format", "description");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/blacklists", Body(new string('a', 256))), "maxLength", "pattern");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/blacklists", Body(AdminAssert.Unique("r"), new string('d', 161))), "maxLength", "description");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/blacklists", """{"description": "x"}"""), "required", "pattern");
        ErrorAssert.IsSchemaError(await _admin.PostAsync("/v2/blacklists", """{"pattern": ["a"]}"""), "type", "pattern");

        var id = (await _admin.PostAsync("/v2/blacklists", Body(AdminAssert.Unique("r")))).Str("id");
        ErrorAssert.IsSchemaError(await _admin.PatchAsync($"/v2/blacklists/{id}", Body("*oops")), "format", "pattern");
        ErrorAssert.Is(await _admin.PatchAsync($"/v2/blacklists/{id}", """{"created_at": "x"}"""), 400, "invalid_object");
        await AdminAssert.BodyErrorsAsync(_admin, "/v2/blacklists", Body(AdminAssert.Unique("r")));
    }

    [Fact]
    public async Task Unknown_and_malformed_ids()
    {
        await AdminAssert.UnknownAndMalformedIdsAsync(_admin, "/v2/blacklists", "blacklist_not_found", """{"description": "x"}""");
    }

    [Fact]
    public async Task Only_admins_may_touch_blacklists()
    {
        var id = (await _admin.PostAsync("/v2/blacklists", Body(AdminAssert.Unique("f")))).Str("id");
        await AdminAssert.ForbiddenToNonAdminsAsync(host, "/v2/blacklists", id, Body(AdminAssert.Unique("g")));
        Assert.Equal(200, (await _admin.GetAsync($"/v2/blacklists/{id}")).Code);
    }

    [Fact]
    public async Task List_pages_and_filters_without_metadata()
    {
        var prefix = AdminAssert.Unique("l");
        foreach (var suffix in new[] { "c", "a", "b" })
        {
            Assert.Equal(201, (await _admin.PostAsync("/v2/blacklists", Body(prefix + suffix))).Code);
        }

        var first = await _admin.GetAsync($"/v2/blacklists?pattern={prefix}*&sort_key=pattern&limit=2");
        Assert.Equal(200, first.Code);
        Assert.False(first.Json.TryGetProperty("metadata", out _));
        var patterns = first.Json.GetProperty("blacklists").EnumerateArray().Select(b => b.GetProperty("pattern").GetString()!).ToArray();
        Assert.Equal([prefix + "a", prefix + "b"], patterns);
        var next = first.Json.GetProperty("links").GetProperty("next").GetString()!;
        var second = await _admin.GetAsync(new Uri(next).PathAndQuery);
        Assert.Equal(prefix + "c", second.Json.GetProperty("blacklists").EnumerateArray().Single().GetProperty("pattern").GetString());

        ErrorAssert.Is(await _admin.GetAsync("/v2/blacklists?name=x"), 400, "bad_request");
        ErrorAssert.Is(await _admin.GetAsync("/v2/blacklists?sort_key=name"), 400, "invalid_sort_key");
        ErrorAssert.Is(await _admin.GetAsync("/v2/blacklists?sort_dir=up"), 400, "invalid_sort_dir");
        ErrorAssert.Is(await _admin.GetAsync("/v2/blacklists?marker=nope"), 400, "invalid_marker");
    }

    [Fact]
    public async Task Matching_zone_names_are_refused_to_members_and_allowed_to_admins()
    {
        var blocked = AdminAssert.Unique("blk");
        Assert.Equal(201, (await _admin.PostAsync("/v2/blacklists", Body($@"^{blocked}\.test\.$"))).Code);
        var unanchored = AdminAssert.Unique("any");
        Assert.Equal(201, (await _admin.PostAsync("/v2/blacklists", Body(unanchored))).Code);

        var member = host.Client("bl-" + Guid.NewGuid().ToString("N")[..8], "member");
        var refused = ErrorAssert.Is(await member.PostAsync("/v2/zones", TestData.ZoneBody($"{blocked}.test.")), 400, "invalid_zone_name");
        Assert.Equal("Blacklisted zone name", refused.GetProperty("message").GetString());
        ErrorAssert.Is(await member.PostAsync("/v2/zones", TestData.ZoneBody($"www.{unanchored}.test.")), 400, "invalid_zone_name");

        // The pattern is a search over the whole name: a name merely containing the anchored one passes.
        await TestData.CreateZoneAsync(member, $"sub{blocked}.test.");
        await TestData.CreateZoneAsync(_admin, $"{blocked}.test.");
    }
}
