using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api;

public sealed class ZoneApiSqliteTests(SqliteApiHost host) : ZoneApiTests<SqliteApiHost>(host);

public sealed class ZoneApiPostgresTests(PostgresApiHost host) : ZoneApiTests<PostgresApiHost>(host);

/// <summary>/v2/zones over real HTTP: shapes, status codes, lifecycle, isolation and every error type.</summary>
public abstract class ZoneApiTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private readonly ApiClient _client = host.Client(project: "project-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Create_answers_202_pending_with_location_and_designate_fields()
    {
        var name = TestData.ZoneName();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var response = await _client.PostAsync("/v2/zones", TestData.ZoneBody(name, extra: """, "ttl": 600, "description": "first" """));

        Assert.Equal(202, response.Code);
        var zone = response.Json;
        Assert.Equal(zone.GetProperty("links").GetProperty("self").GetString(), response.Location);
        Assert.Equal(name, zone.GetProperty("name").GetString());
        Assert.Equal("PENDING", zone.GetProperty("status").GetString());
        Assert.Equal("CREATE", zone.GetProperty("action").GetString());
        Assert.Equal("PRIMARY", zone.GetProperty("type").GetString());
        Assert.Equal("794ccc2c-d751-44fe-b57f-8894c9f5c842", zone.GetProperty("pool_id").GetString());
        Assert.Equal(600, zone.GetProperty("ttl").GetInt32());
        Assert.Equal("first", zone.GetProperty("description").GetString());
        Assert.InRange(zone.GetProperty("serial").GetInt64(), before, before + 60);
        Assert.Equal(1, zone.GetProperty("version").GetInt32());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$", zone.GetProperty("created_at").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, zone.GetProperty("updated_at").ValueKind);
        Assert.False(zone.GetProperty("shared").GetBoolean());
        Assert.StartsWith("req-", response.RequestId);
    }

    [Fact]
    public async Task Zone_turns_active_once_the_pool_without_targets_takes_it()
    {
        var (id, _) = await TestData.CreateZoneAsync(_client);
        var zone = await TestData.WaitForStatusAsync(_client, $"/v2/zones/{id}", "ACTIVE");
        Assert.Equal("ACTIVE", zone.Str("status"));
        Assert.Equal("NONE", zone.Str("action"));
    }

    [Fact]
    public async Task Create_adds_managed_soa_and_ns_from_the_pool_and_config()
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        var sets = (await _client.GetAsync($"/v2/zones/{id}/recordsets")).Json.GetProperty("recordsets");
        var ns = sets.EnumerateArray().Single(s => s.GetProperty("type").GetString() == "NS");
        var soa = sets.EnumerateArray().Single(s => s.GetProperty("type").GetString() == "SOA");
        Assert.Equal(["ns1.example.net.", "ns2.example.net."], TestData.Strings(ns.GetProperty("records")).Order().ToArray());
        Assert.Equal(name, soa.GetProperty("name").GetString());
        var soaFields = TestData.Strings(soa.GetProperty("records")).Single().Split(' ');
        Assert.Equal("ns1.example.net.", soaFields[0]);
        Assert.Equal("hostmaster.example.org.", soaFields[1]);
        Assert.Equal(["3000", "1234", "654321", "321"], soaFields[3..]);

        var servers = (await _client.GetAsync($"/v2/zones/{id}/nameservers")).Json.GetProperty("nameservers");
        Assert.Equal("ns1.example.net.", servers[0].GetProperty("hostname").GetString());
        Assert.Equal(1, servers[0].GetProperty("priority").GetInt32());
    }

    [Fact]
    public async Task Email_with_dots_becomes_an_escaped_rname()
    {
        var name = TestData.ZoneName();
        var created = await _client.PostAsync("/v2/zones", TestData.ZoneBody(name, "dns.admin@example.org"));
        var sets = (await _client.GetAsync($"/v2/zones/{created.Str("id")}/recordsets?type=SOA")).Json.GetProperty("recordsets");
        Assert.Equal(@"dns\.admin.example.org.", TestData.Strings(sets[0].GetProperty("records"))[0].Split(' ')[1]);
    }

    [Fact]
    public async Task Show_patch_and_delete_follow_the_lifecycle()
    {
        var (id, _) = await TestData.CreateZoneAsync(_client);
        var shown = await _client.GetAsync($"/v2/zones/{id}");
        Assert.Equal(200, shown.Code);
        var serial = shown.Json.GetProperty("serial").GetInt64();
        var active = await TestData.WaitForStatusAsync(_client, $"/v2/zones/{id}", "ACTIVE");
        var version = active.Json.GetProperty("version").GetInt32();

        var patched = await _client.PatchAsync($"/v2/zones/{id}", """{"ttl": 900, "description": "changed", "email": "other@example.org"}""");
        Assert.Equal(202, patched.Code);
        Assert.Equal("UPDATE", patched.Str("action"));
        Assert.Equal("PENDING", patched.Str("status"));
        Assert.Equal(900, patched.Json.GetProperty("ttl").GetInt32());
        Assert.Equal("changed", patched.Str("description"));
        Assert.Equal("other@example.org", patched.Str("email"));
        Assert.True(patched.Json.GetProperty("serial").GetInt64() > serial);
        Assert.Equal(version + 1, patched.Json.GetProperty("version").GetInt32());

        var deleted = await _client.DeleteAsync($"/v2/zones/{id}");
        Assert.Equal(202, deleted.Code);
        Assert.Equal("DELETE", deleted.Str("action"));
        Assert.Equal("PENDING", deleted.Str("status"));
        Assert.Equal(id, deleted.Str("id"));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        ApiResponse gone;
        do
        {
            await Task.Delay(50);
            gone = await _client.GetAsync($"/v2/zones/{id}");
        }
        while (gone.Code == 200 && DateTime.UtcNow < deadline);
        ErrorAssert.Is(gone, 404, "zone_not_found");
    }

    [Fact]
    public async Task Patch_rejects_renaming_and_unknown_keys_but_accepts_unchanged_read_only_keys()
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        ErrorAssert.Is(await _client.PatchAsync($"/v2/zones/{id}", """{"name": "other.test."}"""), 400, "invalid_object");
        ErrorAssert.Is(await _client.PatchAsync($"/v2/zones/{id}", """{"serial": 5}"""), 400, "invalid_object");
        var same = await _client.PatchAsync($"/v2/zones/{id}", $$"""{"name": "{{name}}", "ttl": 1200}""");
        Assert.Equal(202, same.Code);
    }

    [Fact]
    public async Task Patch_replaces_the_attributes_as_designate_stores_them()
    {
        var created = await _client.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName(), extra: """, "attributes": {"tier": "gold", "region": "north"}"""));
        var id = created.Str("id");
        var serial = (await TestData.WaitForStatusAsync(_client, $"/v2/zones/{id}", "ACTIVE")).Json.GetProperty("serial").GetInt64();

        var patched = await _client.PatchAsync($"/v2/zones/{id}", """{"attributes": {"tier": "silver"}}""");

        Assert.Equal(202, patched.Code);
        Assert.Equal("UPDATE", patched.Str("action"));
        Assert.True(patched.Json.GetProperty("serial").GetInt64() > serial);
        Assert.Equal("""{"tier":"silver"}""", patched.Json.GetProperty("attributes").GetRawText());
        Assert.Equal("""{"tier":"silver"}""", (await _client.GetAsync($"/v2/zones/{id}")).Json.GetProperty("attributes").GetRawText());
        ErrorAssert.IsSchemaError(await _client.PatchAsync($"/v2/zones/{id}", $$$"""{"attributes": {"tier": "{{{new string('g', 51)}}}"}}"""), "maxLength", "attributes", "tier");
    }

    [Fact]
    public async Task Primary_zone_needs_an_email()
    {
        var response = await _client.PostAsync("/v2/zones", $$"""{"name": "{{TestData.ZoneName()}}"}""");
        ErrorAssert.IsSchemaError(response, "required", "email");
    }

    [Theory]
    [InlineData("no-trailing-dot.test")]
    [InlineData("bad_char!.test.")]
    [InlineData("-leading.test.")]
    [InlineData("*.wild.test.")]
    public async Task Malformed_zone_names_are_schema_errors(string name)
    {
        ErrorAssert.IsSchemaError(await _client.PostAsync("/v2/zones", TestData.ZoneBody(name)), "format", "name");
    }

    [Fact]
    public async Task Single_label_and_over_long_names_are_invalid_zone_names()
    {
        ErrorAssert.Is(await _client.PostAsync("/v2/zones", TestData.ZoneBody("test.")), 400, "invalid_zone_name");
        var longName = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".";
        ErrorAssert.Is(await _client.PostAsync("/v2/zones", TestData.ZoneBody(longName)), 400, "invalid_zone_name");
    }

    [Theory]
    [InlineData("no-at-sign.example.org")]
    [InlineData("two@at@example.org")]
    [InlineData("plus+tag@example.org")]
    public async Task Bad_emails_are_schema_errors(string email)
    {
        ErrorAssert.IsSchemaError(await _client.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName(), email)), "format", "email");
    }

    [Fact]
    public async Task Duplicate_zone_is_409()
    {
        var (_, name) = await TestData.CreateZoneAsync(_client);
        ErrorAssert.Is(await _client.PostAsync("/v2/zones", TestData.ZoneBody(name.ToUpperInvariant())), 409, "duplicate_zone");
    }

    [Fact]
    public async Task Body_problems_get_designate_error_types()
    {
        ErrorAssert.Is(await _client.PostAsync("/v2/zones", "{\"name\": "), 400, "invalid_json");
        ErrorAssert.Is(await _client.PostAsync("/v2/zones", ""), 400, "empty_request_body");
        ErrorAssert.Is(await _client.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName()), "text/plain"), 415, "unsupported_content_type");
        var unknown = ErrorAssert.Is(await _client.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName(), extra: """, "colour": "blue" """)), 400, "invalid_object");
        Assert.Contains("colour", unknown.GetProperty("message").GetString());
        ErrorAssert.IsSchemaError(await _client.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName(), extra: """, "ttl": "abc" """)), "type", "ttl");
        ErrorAssert.IsSchemaError(await _client.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName(), extra: """, "ttl": -1 """)), "minimum", "ttl");
        ErrorAssert.IsSchemaError(await _client.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName(), extra: """, "ttl": 2147483648 """)), "maximum", "ttl");
        ErrorAssert.IsSchemaError(await _client.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName(), extra: $", \"description\": \"{new string('d', 161)}\"")), "maxLength", "description");
        ErrorAssert.IsSchemaError(await _client.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName(), extra: """, "type": "CATALOG" """)), "enum", "type");
        ErrorAssert.IsSchemaError(await _client.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName(), extra: """, "masters": ["192.0.2.1"] """)), "maxItems", "masters");
        ErrorAssert.Is(await _client.PostAsync("/v2/zones", "[1, 2]"), 400, "invalid_object");
    }

    [Fact]
    public async Task Oversized_bodies_and_non_json_accept_are_refused()
    {
        var huge = TestData.ZoneBody(TestData.ZoneName(), extra: $", \"description\": \"{new string('d', 120_000)}\"");
        var tooLarge = await _client.PostAsync("/v2/zones", huge);
        Assert.Equal(413, tooLarge.Code);

        _client.Headers["Accept"] = "text/html";
        Assert.Equal(406, (await _client.GetAsync("/v2/zones")).Code);
    }

    [Fact]
    public async Task Nothing_is_written_when_a_request_fails()
    {
        var name = TestData.ZoneName();
        ErrorAssert.Is(await _client.PostAsync("/v2/zones", TestData.ZoneBody(name, extra: """, "ttl": "x" """)), 400, "invalid_object");
        var list = await _client.GetAsync($"/v2/zones?name={name}");
        Assert.Equal(0, list.Json.GetProperty("metadata").GetProperty("total_count").GetInt64());
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_and_routes()
    {
        ErrorAssert.Is(await _client.GetAsync($"/v2/zones/{Guid.NewGuid()}"), 404, "zone_not_found");
        ErrorAssert.Is(await _client.DeleteAsync($"/v2/zones/{Guid.NewGuid()}"), 404, "zone_not_found");
        ErrorAssert.Is(await _client.GetAsync("/v2/zones/not-a-uuid"), 400, "invalid_uuid");
        ErrorAssert.Is(await _client.GetAsync("/v2/nothing-here"), 404, "not_found");
        ErrorAssert.Is(await _client.SendAsync(HttpMethod.Put, "/v2/zones", "{}"), 405, "method_not_allowed");
        ErrorAssert.Is(await _client.GetAsync($"/v2/zones/{Guid.NewGuid()}/bogus"), 404, "not_found");
        ErrorAssert.Is(await _client.PostAsync($"/v2/zones/{Guid.NewGuid()}/bogus", "{}"), 405, "method_not_allowed");
        var withSlash = await _client.GetAsync("/v2/zones/");
        Assert.Equal(200, withSlash.Code);
    }

    [Fact]
    public async Task Version_discovery_lists_v2_versions_at_the_root_and_v2()
    {
        foreach (var path in new[] { "/", "/v2" })
        {
            var response = await _client.GetAsync(path);
            Assert.Equal(200, response.Code);
            var versions = response.Json.GetProperty("versions");
            Assert.Contains(versions.EnumerateArray(), v => v.GetProperty("id").GetString() == "v2.0");
            var current = versions.EnumerateArray().Single(v => v.GetProperty("status").GetString() == "CURRENT");
            Assert.EndsWith("/v2", current.GetProperty("links")[0].GetProperty("href").GetString());
        }

        var health = await _client.GetAsync("/healthcheck");
        Assert.Equal(200, health.Code);
        Assert.Equal("OK", health.Text);
    }

    [Fact]
    public async Task Projects_see_only_their_zones_unless_all_projects()
    {
        var owner = host.Client(project: "owner-" + Guid.NewGuid().ToString("N")[..8]);
        var stranger = host.Client(project: "stranger-" + Guid.NewGuid().ToString("N")[..8]);
        var (id, name) = await TestData.CreateZoneAsync(owner);

        ErrorAssert.Is(await stranger.GetAsync($"/v2/zones/{id}"), 404, "zone_not_found");
        ErrorAssert.Is(await stranger.DeleteAsync($"/v2/zones/{id}"), 404, "zone_not_found");
        Assert.Equal(0, (await stranger.GetAsync($"/v2/zones?name={name}")).Json.GetProperty("metadata").GetProperty("total_count").GetInt64());

        stranger.Headers["X-Auth-All-Projects"] = "True";
        var all = await stranger.GetAsync($"/v2/zones?name={name}");
        Assert.Equal(id, all.Json.GetProperty("zones")[0].GetProperty("id").GetString());
        Assert.Equal(200, (await stranger.GetAsync($"/v2/zones/{id}?all_projects=1")).Code);

        var byAlias = host.Client();
        byAlias.Headers["X-Project-Id"] = owner.Project!;
        Assert.Equal(200, (await byAlias.GetAsync($"/v2/zones/{id}")).Code);
    }

    [Fact]
    public async Task Sudo_acts_as_another_project()
    {
        var target = "sudo-" + Guid.NewGuid().ToString("N")[..8];
        _client.Headers["X-Auth-Sudo-Project-ID"] = target;
        var created = await _client.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName()));
        Assert.Equal(target, created.Str("project_id"));
    }

    [Fact]
    public async Task Policy_lets_readers_read_members_write_and_only_admins_use_privileged_flags()
    {
        var project = "roles-" + Guid.NewGuid().ToString("N")[..8];
        var reader = host.Client(project, roles: "reader");
        var member = host.Client(project, roles: "member");

        ErrorAssert.Is(await reader.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName())), 403, "forbidden");
        var (id, _) = await TestData.CreateZoneAsync(member);
        Assert.Equal(200, (await reader.GetAsync($"/v2/zones/{id}")).Code);
        Assert.Equal(200, (await reader.GetAsync("/v2/zones")).Code);
        ErrorAssert.Is(await reader.DeleteAsync($"/v2/zones/{id}"), 403, "forbidden");

        member.Headers["X-Auth-All-Projects"] = "true";
        ErrorAssert.Is(await member.GetAsync("/v2/zones"), 403, "forbidden");
        member.Headers.Clear();
        member.Headers["X-Designate-Hard-Delete"] = "yes";
        ErrorAssert.Is(await member.DeleteAsync($"/v2/zones/{id}"), 403, "forbidden");
        member.Headers.Clear();
        member.Headers["X-Auth-Sudo-Project-ID"] = "someone-else";
        ErrorAssert.Is(await member.GetAsync("/v2/zones"), 403, "forbidden");
    }

    [Fact]
    public async Task Ttl_below_the_minimum_is_for_admins_only()
    {
        var member = host.Client("ttl-" + Guid.NewGuid().ToString("N")[..8], roles: "member");
        ErrorAssert.Is(await member.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName(), extra: """, "ttl": 30 """)), 400, "invalid_ttl");
        var (id, name) = await TestData.CreateZoneAsync(member);
        ErrorAssert.Is(await member.PostAsync($"/v2/zones/{id}/recordsets", $$"""{"name": "a.{{name}}", "type": "A", "records": ["192.0.2.1"], "ttl": 59}"""), 400, "invalid_ttl");
        Assert.Equal(202, (await _client.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName(), extra: """, "ttl": 30 """))).Code);
    }

    [Fact]
    public async Task Zone_under_another_projects_zone_is_illegal_child_and_above_is_illegal_parent()
    {
        var owner = host.Client(project: "parent-" + Guid.NewGuid().ToString("N")[..8]);
        var other = host.Client(project: "child-" + Guid.NewGuid().ToString("N")[..8]);
        var (_, parent) = await TestData.CreateZoneAsync(owner);
        ErrorAssert.Is(await other.PostAsync("/v2/zones", TestData.ZoneBody("sub." + parent)), 403, "illegal_child");
        ErrorAssert.Is(await other.PostAsync("/v2/zones", TestData.ZoneBody(parent)), 409, "duplicate_zone");

        var (_, deep) = await TestData.CreateZoneAsync(owner, "a.b." + TestData.ZoneName());
        ErrorAssert.Is(await other.PostAsync("/v2/zones", TestData.ZoneBody(deep[4..])), 403, "illegal_parent");
        Assert.Equal(202, (await owner.PostAsync("/v2/zones", TestData.ZoneBody("sub." + parent))).Code);
    }

    [Fact]
    public async Task Only_whole_labels_make_another_projects_zone_a_parent_or_child_in_any_case()
    {
        var owner = host.Client(project: "parent-" + Guid.NewGuid().ToString("N")[..8]);
        var other = host.Client(project: "child-" + Guid.NewGuid().ToString("N")[..8]);
        var (_, name) = await TestData.CreateZoneAsync(owner, "a.b." + TestData.ZoneName());

        // "xb.<rest>" ends with the text "b.<rest>" of the owner's parent-to-be, but it is a sibling.
        Assert.Equal(202, (await other.PostAsync("/v2/zones", TestData.ZoneBody("x" + name[2..]))).Code);
        ErrorAssert.Is(await other.PostAsync("/v2/zones", TestData.ZoneBody(name[2..].ToUpperInvariant())), 403, "illegal_parent");
        ErrorAssert.Is(await other.PostAsync("/v2/zones", TestData.ZoneBody("c." + name.ToUpperInvariant())), 403, "illegal_child");
    }

    [Fact]
    public async Task Abandon_forgets_the_zone_at_once_and_is_for_admins_only()
    {
        var project = "abandon-" + Guid.NewGuid().ToString("N")[..8];
        var member = host.Client(project, roles: "member");
        var admin = host.Client(project);
        var (id, name) = await TestData.CreateZoneAsync(member);
        await TestData.CreateZoneAsync(member, "sub." + name);

        ErrorAssert.Is(await member.PostAsync($"/v2/zones/{id}/tasks/abandon", null), 403, "forbidden");
        ErrorAssert.Is(await admin.PostAsync($"/v2/zones/{id}/tasks/abandon", null), 400, "zone_has_sub_zone");
        ErrorAssert.Is(await admin.GetAsync($"/v2/zones/{id}/tasks/abandon"), 405, "method_not_allowed");

        var sub = (await admin.GetAsync($"/v2/zones?name=sub.{name}")).Json.GetProperty("zones")[0].GetProperty("id").GetString();
        Assert.Equal(204, (await admin.PostAsync($"/v2/zones/{sub}/tasks/abandon", null)).Code);
        var abandoned = await admin.PostAsync($"/v2/zones/{id}/tasks/abandon", null);
        Assert.Equal(204, abandoned.Code);
        Assert.Equal("", abandoned.Text);
        ErrorAssert.Is(await admin.GetAsync($"/v2/zones/{id}"), 404, "zone_not_found");
        Assert.Equal(202, (await member.PostAsync("/v2/zones", TestData.ZoneBody(name))).Code);
    }

    [Fact]
    public async Task Deleting_a_zone_with_a_sub_zone_is_refused()
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        await TestData.CreateZoneAsync(_client, "child." + name);
        ErrorAssert.Is(await _client.DeleteAsync($"/v2/zones/{id}"), 400, "zone_has_sub_zone");
    }

    [Fact]
    public async Task Secondary_zones_need_masters_and_take_no_email()
    {
        var name = TestData.ZoneName();
        ErrorAssert.IsSchemaError(await _client.PostAsync("/v2/zones", $$"""{"name": "{{name}}", "type": "SECONDARY"}"""), "minItems", "masters");
        ErrorAssert.Is(await _client.PostAsync("/v2/zones", $$"""{"name": "{{name}}", "type": "SECONDARY", "email": "a@b.org", "masters": ["192.0.2.1"]}"""), 400, "invalid_object");
        var created = await _client.PostAsync("/v2/zones", $$"""{"name": "{{name}}", "type": "SECONDARY", "masters": ["192.0.2.1:5354", "192.0.2.2:53"]}""");
        Assert.Equal(202, created.Code);
        Assert.Equal("hostmaster@example.com", created.Str("email"));
        Assert.Equal(["192.0.2.1:5354", "192.0.2.2"], TestData.Strings(created.Json.GetProperty("masters")));
        Assert.Equal(1, created.Json.GetProperty("serial").GetInt64());
    }
}
