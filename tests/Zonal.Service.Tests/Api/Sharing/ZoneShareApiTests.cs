using Zonal.Service.Tests.Compatibility;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api.Sharing;

public sealed class ZoneShareApiSqliteTests(SqliteApiHost host) : ZoneShareApiTests<SqliteApiHost>(host);

public sealed class ZoneShareApiPostgresTests(PostgresApiHost host) : ZoneShareApiTests<PostgresApiHost>(host);

/// <summary>/v2/zones/{zone_id}/shares over real HTTP: shapes, what a target project may do, and every error type.</summary>
public abstract class ZoneShareApiTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private readonly ApiClient _owner = host.Client(Projects.New("owner"), "member");
    private readonly string _target = Projects.New("target");

    [Fact]
    public async Task Create_answers_201_without_location_with_designate_fields()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(_owner);

        var created = await _owner.PostAsync($"/v2/zones/{zoneId}/shares", Share(_target));

        Assert.True(created.Code == 201, created.ToString());
        Assert.Null(created.Location);
        var share = created.Json;
        Assert.Equal(zoneId, share.Str("zone_id"));
        Assert.Equal(_owner.Project, share.Str("project_id"));
        Assert.Equal(_target, share.Str("target_project_id"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$", share.Str("created_at"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, share.GetProperty("updated_at").ValueKind);
        var links = share.GetProperty("links");
        Assert.EndsWith($"/v2/zones/{zoneId}/shares/{share.Str("id")}", links.Str("self"));
        Assert.EndsWith($"/v2/zones/{zoneId}", links.Str("zone"));
    }

    [Fact]
    public async Task List_show_and_delete_a_share()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(_owner);
        var first = (await _owner.PostAsync($"/v2/zones/{zoneId}/shares", Share(_target))).Str("id");
        var other = Projects.New("other");
        var second = (await _owner.PostAsync($"/v2/zones/{zoneId}/shares", Share(other))).Str("id");

        var listed = await _owner.GetAsync($"/v2/zones/{zoneId}/shares");
        Assert.Equal(200, listed.Code);
        Assert.Equal(new[] { first, second }.Order(), listed.Json.GetProperty("shared_zones").EnumerateArray().Select(s => s.Str("id")).Order());
        Assert.False(listed.Json.TryGetProperty("metadata", out _));
        Assert.EndsWith($"/v2/zones/{zoneId}/shares", listed.Json.GetProperty("links").Str("self"));

        // Designate's second check is made against the filter's project: the owner's member may not ask
        // for another project's shares, that project's member and an admin may.
        ErrorAssert.Is(await _owner.GetAsync($"/v2/zones/{zoneId}/shares?target_project_id={other}"), 403, "forbidden");
        var filtered = await host.Client(other, "member").GetAsync($"/v2/zones/{zoneId}/shares?target_project_id={other}");
        Assert.Equal(second, Assert.Single(filtered.Json.GetProperty("shared_zones").EnumerateArray()).Str("id"));
        var byAdmin = await host.Client(_owner.Project, "admin").GetAsync($"/v2/zones/{zoneId}/shares?target_project_id={_target}");
        Assert.Equal(first, Assert.Single(byAdmin.Json.GetProperty("shared_zones").EnumerateArray()).Str("id"));

        var shown = await _owner.GetAsync($"/v2/zones/{zoneId}/shares/{first}");
        Assert.Equal(200, shown.Code);
        Assert.Equal(_target, shown.Str("target_project_id"));

        var deleted = await _owner.DeleteAsync($"/v2/zones/{zoneId}/shares/{first}");
        Assert.Equal(204, deleted.Code);
        Assert.Equal("", deleted.Text);
        ErrorAssert.Is(await _owner.GetAsync($"/v2/zones/{zoneId}/shares/{first}"), 404, "shared_zone_not_found");
    }

    [Fact]
    public async Task The_zone_shows_shared_while_it_has_a_share()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(_owner);
        Assert.False((await _owner.GetAsync($"/v2/zones/{zoneId}")).Json.GetProperty("shared").GetBoolean());

        var share = (await _owner.PostAsync($"/v2/zones/{zoneId}/shares", Share(_target))).Str("id");
        Assert.True((await _owner.GetAsync($"/v2/zones/{zoneId}")).Json.GetProperty("shared").GetBoolean());
        var listed = (await _owner.GetAsync($"/v2/zones?name={(await _owner.GetAsync($"/v2/zones/{zoneId}")).Str("name")}")).Json.GetProperty("zones");
        Assert.True(listed[0].GetProperty("shared").GetBoolean());

        await _owner.DeleteAsync($"/v2/zones/{zoneId}/shares/{share}");
        Assert.False((await _owner.GetAsync($"/v2/zones/{zoneId}")).Json.GetProperty("shared").GetBoolean());
    }

    [Fact]
    public async Task The_target_project_sees_the_zone_and_its_recordsets_but_cannot_change_the_zone()
    {
        var (zoneId, name) = await TestData.CreateZoneAsync(_owner);
        var target = host.Client(_target, "member");
        ErrorAssert.Is(await target.GetAsync($"/v2/zones/{zoneId}"), 404, "zone_not_found");
        Assert.Equal(0, (await target.GetAsync($"/v2/zones?name={name}")).Json.GetProperty("zones").GetArrayLength());

        await _owner.PostAsync($"/v2/zones/{zoneId}/shares", Share(_target));

        var shown = await target.GetAsync($"/v2/zones/{zoneId}");
        Assert.Equal(200, shown.Code);
        Assert.Equal(_owner.Project, shown.Str("project_id"));
        Assert.Single((await target.GetAsync($"/v2/zones?name={name}")).Json.GetProperty("zones").EnumerateArray());
        var sets = await target.GetAsync($"/v2/zones/{zoneId}/recordsets");
        Assert.Equal(200, sets.Code);
        Assert.Contains(sets.Json.GetProperty("recordsets").EnumerateArray(), s => s.Str("type") == "SOA");

        ErrorAssert.Is(await target.PatchAsync($"/v2/zones/{zoneId}", """{"ttl": 900}"""), 403, "forbidden");
        ErrorAssert.Is(await target.DeleteAsync($"/v2/zones/{zoneId}"), 403, "forbidden");
        ErrorAssert.Is(await target.PostAsync($"/v2/zones/{zoneId}/shares", Share(Projects.New("third"))), 403, "forbidden");

        // A project the zone is not shared with still cannot find it.
        ErrorAssert.Is(await host.Client(Projects.New("stranger"), "member").GetAsync($"/v2/zones/{zoneId}"), 404, "zone_not_found");
    }

    [Fact]
    public async Task The_target_project_creates_recordsets_without_a_role_and_changes_only_its_own()
    {
        var (zoneId, name) = await TestData.CreateZoneAsync(_owner);
        await _owner.PostAsync($"/v2/zones/{zoneId}/shares", Share(_target));
        var ownerSet = (await _owner.PostAsync($"/v2/zones/{zoneId}/recordsets", TestData.RecordSetBody($"owner.{name}", "A", "192.0.2.1"))).Str("id");

        // Designate's default lets a shared project create record sets whatever its role.
        var reader = host.Client(_target, "reader");
        var created = await reader.PostAsync($"/v2/zones/{zoneId}/recordsets", TestData.RecordSetBody($"guest.{name}", "A", "192.0.2.2"));
        Assert.True(created.Code == 202, created.ToString());
        Assert.Equal(_target, created.Str("project_id"));
        var guestSet = created.Str("id");

        var member = host.Client(_target, "member");
        var updated = await member.PutAsync($"/v2/zones/{zoneId}/recordsets/{guestSet}", """{"records": ["192.0.2.3"]}""");
        Assert.True(updated.Code == 202, updated.ToString());
        ErrorAssert.Is(await member.PutAsync($"/v2/zones/{zoneId}/recordsets/{ownerSet}", """{"records": ["192.0.2.9"]}"""), 403, "forbidden");
        ErrorAssert.Is(await member.DeleteAsync($"/v2/zones/{zoneId}/recordsets/{ownerSet}"), 403, "forbidden");

        // The owner manages every record set of its zone, the guest's included.
        Assert.Equal(200, (await _owner.GetAsync($"/v2/zones/{zoneId}/recordsets/{guestSet}")).Code);
        var mine = (await member.GetAsync("/v2/recordsets")).Json.GetProperty("recordsets").EnumerateArray().Select(s => s.Str("id")).ToList();
        Assert.Equal([guestSet], mine);
        Assert.Equal(202, (await member.DeleteAsync($"/v2/zones/{zoneId}/recordsets/{guestSet}")).Code);
    }

    [Fact]
    public async Task Unsharing_is_refused_while_the_target_owns_recordsets_or_sub_zones()
    {
        var (zoneId, name) = await TestData.CreateZoneAsync(_owner);
        var share = (await _owner.PostAsync($"/v2/zones/{zoneId}/shares", Share(_target))).Str("id");
        var target = host.Client(_target, "member");
        var set = (await target.PostAsync($"/v2/zones/{zoneId}/recordsets", TestData.RecordSetBody($"guest.{name}", "TXT", "\"x\""))).Str("id");

        ErrorAssert.Is(await _owner.DeleteAsync($"/v2/zones/{zoneId}/shares/{share}"), 400, "shared_zone_has_recordsets");

        await target.DeleteAsync($"/v2/zones/{zoneId}/recordsets/{set}");

        // The API refuses another project a zone under the owner's (illegal_child), yet such zones can
        // exist (made before the share, or by an admin): stored directly.
        await host.QueryAsync(async db =>
        {
            db.Zones.Add(new Zonal.Storage.ZoneRow
            {
                Id = Guid.NewGuid(),
                ProjectId = _target,
                Name = "sub." + name,
                Email = "a@example.org",
                Status = "ACTIVE",
                Action = "NONE",
                Type = "PRIMARY",
                CreatedAt = DateTime.UtcNow,
                PoolId = Guid.Parse("794ccc2c-d751-44fe-b57f-8894c9f5c842"),
            });
            return await db.SaveChangesAsync();
        });
        ErrorAssert.Is(await _owner.DeleteAsync($"/v2/zones/{zoneId}/shares/{share}"), 400, "shared_zone_has_sub_zone");
    }

    [Fact]
    public async Task A_shared_zone_is_deleted_only_with_the_delete_shares_header()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(_owner);
        await _owner.PostAsync($"/v2/zones/{zoneId}/shares", Share(_target));

        ErrorAssert.Is(await _owner.DeleteAsync($"/v2/zones/{zoneId}"), 400, "zone_is_shared");

        _owner.Headers["X-Designate-Delete-Shares"] = "true";
        var deleted = await _owner.DeleteAsync($"/v2/zones/{zoneId}");
        Assert.True(deleted.Code == 202, deleted.ToString());
        Assert.False(deleted.Json.GetProperty("shared").GetBoolean());
        Assert.Equal(0, await host.QueryAsync(db => Task.FromResult(db.SharedZones.Count(s => s.ZoneId == Guid.Parse(zoneId)))));
    }

    [Fact]
    public async Task Share_errors_follow_designate()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(_owner);
        var path = $"/v2/zones/{zoneId}/shares";
        ErrorAssert.Is(await _owner.PostAsync(path, Share(_owner.Project!)), 400, "bad_request");
        Assert.Equal(201, (await _owner.PostAsync(path, Share(_target))).Code);
        ErrorAssert.Is(await _owner.PostAsync(path, Share(_target)), 409, "duplicate_shared_zone");
        ErrorAssert.IsSchemaError(await _owner.PostAsync(path, "{}"), "required", "target_project_id");
        ErrorAssert.IsSchemaError(await _owner.PostAsync(path, Share(new string('p', 37))), "maxLength", "target_project_id");
        ErrorAssert.IsSchemaError(await _owner.PostAsync(path, """{"target_project_id": 5}"""), "type", "target_project_id");
        ErrorAssert.Is(await _owner.PostAsync(path, """{"target_project_id": "x", "zone_id": "y"}"""), 400, "invalid_object");
        ErrorAssert.Is(await _owner.PostAsync(path, ""), 400, "empty_request_body");
        ErrorAssert.Is(await _owner.PostAsync(path, "{"), 400, "invalid_json");
        ErrorAssert.Is(await _owner.PostAsync(path, Share(_target), "text/plain"), 415, "unsupported_content_type");
        ErrorAssert.Is(await _owner.PostAsync($"/v2/zones/{Guid.NewGuid()}/shares", Share(_target)), 404, "zone_not_found");
        ErrorAssert.Is(await _owner.GetAsync($"/v2/zones/{zoneId}/shares/{Guid.NewGuid()}"), 404, "shared_zone_not_found");
        ErrorAssert.Is(await _owner.DeleteAsync($"/v2/zones/{zoneId}/shares/{Guid.NewGuid()}"), 404, "shared_zone_not_found");
        ErrorAssert.Is(await _owner.GetAsync($"/v2/zones/{zoneId}/shares/not-a-uuid"), 400, "invalid_uuid");
        ErrorAssert.Is(await _owner.GetAsync($"{path}?bogus=1"), 400, "bad_request");
        ErrorAssert.Is(await _owner.GetAsync($"{path}?sort_key=id"), 400, "invalid_sort_key");

        // Readers of the owner may not share; a stranger does not find the zone at all.
        ErrorAssert.Is(await host.Client(_owner.Project, "reader").PostAsync(path, Share(Projects.New("r"))), 403, "forbidden");
        ErrorAssert.Is(await host.Client(_owner.Project, "reader").GetAsync(path), 403, "forbidden");
        ErrorAssert.Is(await host.Client(Projects.New("stranger"), "member").GetAsync(path), 404, "zone_not_found");
    }

    [Fact]
    public async Task The_target_project_lists_only_its_own_share()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(_owner);
        await _owner.PostAsync($"/v2/zones/{zoneId}/shares", Share(_target));
        await _owner.PostAsync($"/v2/zones/{zoneId}/shares", Share(Projects.New("other")));

        var listed = await host.Client(_target, "member").GetAsync($"/v2/zones/{zoneId}/shares");

        Assert.Equal(_target, Assert.Single(listed.Json.GetProperty("shared_zones").EnumerateArray()).Str("target_project_id"));
    }

    private static string Share(string target) => $$"""{"target_project_id": "{{target}}"}""";
}
