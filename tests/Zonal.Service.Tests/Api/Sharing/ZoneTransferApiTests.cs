using Microsoft.EntityFrameworkCore;
using Zonal.Service.Tests.Compatibility;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api.Sharing;

public sealed class ZoneTransferApiSqliteTests(SqliteApiHost host) : ZoneTransferApiTests<SqliteApiHost>(host);

public sealed class ZoneTransferApiPostgresTests(PostgresApiHost host) : ZoneTransferApiTests<PostgresApiHost>(host);

/// <summary>Zone ownership transfer over real HTTP: requests, accepts, who sees what, and every error type.</summary>
public abstract class ZoneTransferApiTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private const string Requests = "/v2/zones/tasks/transfer_requests";
    private const string Accepts = "/v2/zones/tasks/transfer_accepts";
    private readonly ApiClient _owner = host.Client(Projects.New("owner"), "member");
    private readonly ApiClient _receiver = host.Client(Projects.New("receiver"), "member");

    [Fact]
    public async Task Create_answers_201_with_location_a_generated_key_and_designate_fields()
    {
        var (zoneId, name) = await TestData.CreateZoneAsync(_owner);

        var created = await _owner.PostAsync($"/v2/zones/{zoneId}/tasks/transfer_requests", Request(_receiver.Project, "for you"));

        Assert.True(created.Code == 201, created.ToString());
        var request = created.Json;
        Assert.Equal(request.GetProperty("links").Str("self"), created.Location);
        Assert.EndsWith($"{Requests}/{request.Str("id")}", created.Location);
        Assert.Equal(zoneId, request.Str("zone_id"));
        Assert.Equal(name, request.Str("zone_name"));
        Assert.Equal(_owner.Project, request.Str("project_id"));
        Assert.Equal(_receiver.Project, request.Str("target_project_id"));
        Assert.Equal("for you", request.Str("description"));
        Assert.Equal("ACTIVE", request.Str("status"));
        Assert.Matches("^[A-Z0-9]{8}$", request.Str("key"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$", request.Str("created_at"));
    }

    [Fact]
    public async Task An_empty_body_makes_a_request_any_project_may_accept()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(_owner);

        var created = await _owner.PostAsync($"/v2/zones/{zoneId}/tasks/transfer_requests", null);

        Assert.True(created.Code == 201, created.ToString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, created.Json.GetProperty("target_project_id").ValueKind);
        var stranger = host.Client(Projects.New("stranger"), "member");
        var shown = await stranger.GetAsync($"{Requests}/{created.Str("id")}");
        Assert.Equal(200, shown.Code);
    }

    [Fact]
    public async Task Accepting_moves_the_zone_and_its_recordsets_to_the_accepting_project()
    {
        var (zoneId, name) = await TestData.CreateZoneAsync(_owner);
        var setId = (await _owner.PostAsync($"/v2/zones/{zoneId}/recordsets", TestData.RecordSetBody($"www.{name}", "A", "192.0.2.1"))).Str("id");
        var request = (await _owner.PostAsync($"/v2/zones/{zoneId}/tasks/transfer_requests", Request(_receiver.Project))).Json;

        var accepted = await _receiver.PostAsync(Accepts, Accept(request.Str("id"), request.Str("key")));

        Assert.True(accepted.Code == 201, accepted.ToString());
        var accept = accepted.Json;
        Assert.Equal(accept.GetProperty("links").Str("self"), accepted.Location);
        Assert.EndsWith($"/v2/zones/{zoneId}", accept.GetProperty("links").Str("zone"));
        Assert.Equal("COMPLETE", accept.Str("status"));
        Assert.Equal(zoneId, accept.Str("zone_id"));
        Assert.Equal(request.Str("id"), accept.Str("zone_transfer_request_id"));
        Assert.Equal(_receiver.Project, accept.Str("project_id"));
        Assert.Equal(request.Str("key"), accept.Str("key"));

        var zone = await _receiver.GetAsync($"/v2/zones/{zoneId}");
        Assert.Equal(200, zone.Code);
        Assert.Equal(_receiver.Project, zone.Str("project_id"));
        ErrorAssert.Is(await _owner.GetAsync($"/v2/zones/{zoneId}"), 404, "zone_not_found");
        var set = await _receiver.GetAsync($"/v2/zones/{zoneId}/recordsets/{setId}");
        Assert.Equal(_receiver.Project, set.Str("project_id"));
        Assert.Contains((await _receiver.GetAsync("/v2/recordsets")).Json.GetProperty("recordsets").EnumerateArray(), s => s.Str("id") == setId);

        var completed = await _receiver.GetAsync($"{Requests}/{request.Str("id")}");
        Assert.Equal("COMPLETE", completed.Str("status"));
        var admin = host.Client(Projects.New("admin"), "admin");
        admin.Headers["X-Auth-All-Projects"] = "true";
        var shownAccept = await admin.GetAsync($"{Accepts}/{accept.Str("id")}");
        Assert.Equal(200, shownAccept.Code);
        Assert.Equal("COMPLETE", shownAccept.Str("status"));
        Assert.Equal(200, (await _receiver.GetAsync($"{Accepts}/{accept.Str("id")}")).Code);

        // A completed request cannot be accepted again.
        ErrorAssert.Is(await _receiver.PostAsync(Accepts, Accept(request.Str("id"), request.Str("key"))), 400, "invalid_zone_transfer_request");
    }

    [Fact]
    public async Task Requests_are_listed_for_their_owner_and_their_target_only()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(_owner);
        var id = (await _owner.PostAsync($"/v2/zones/{zoneId}/tasks/transfer_requests", Request(_receiver.Project))).Str("id");

        Assert.Contains(Ids(await _owner.GetAsync(Requests)), i => i == id);
        var seenByTarget = await _receiver.GetAsync(Requests);
        Assert.Contains(Ids(seenByTarget), i => i == id);
        Assert.False(seenByTarget.Json.TryGetProperty("metadata", out _));
        Assert.DoesNotContain(Ids(await host.Client(Projects.New("stranger"), "member").GetAsync(Requests)), i => i == id);
        Assert.Contains(Ids(await _owner.GetAsync($"{Requests}?status=ACTIVE")), i => i == id);
        Assert.DoesNotContain(Ids(await _owner.GetAsync($"{Requests}?status=COMPLETE")), i => i == id);
    }

    [Fact]
    public async Task Callers_outside_the_owning_project_do_not_see_the_key_or_owner()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(_owner);
        var id = (await _owner.PostAsync($"/v2/zones/{zoneId}/tasks/transfer_requests", Request(_receiver.Project))).Str("id");

        var shown = await _receiver.GetAsync($"{Requests}/{id}");

        Assert.Equal(200, shown.Code);
        Assert.Equal(zoneId, shown.Str("zone_id"));
        foreach (var hidden in new[] { "project_id", "target_project_id", "key", "created_at", "updated_at" })
        {
            Assert.False(shown.Json.TryGetProperty(hidden, out _), hidden);
        }

        ErrorAssert.Is(await host.Client(Projects.New("stranger"), "member").GetAsync($"{Requests}/{id}"), 403, "forbidden");
    }

    [Fact]
    public async Task Patch_changes_the_description_and_sets_a_missing_target_once()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(_owner);
        var request = (await _owner.PostAsync($"/v2/zones/{zoneId}/tasks/transfer_requests", "{}")).Json;
        var path = $"{Requests}/{request.Str("id")}";

        var patched = await _owner.PatchAsync(path, $$"""{"description": "changed", "target_project_id": "{{_receiver.Project}}", "key": "{{request.Str("key")}}"}""");

        Assert.True(patched.Code == 200, patched.ToString());
        Assert.Equal("changed", patched.Str("description"));
        Assert.Equal(_receiver.Project, patched.Str("target_project_id"));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, patched.Json.GetProperty("updated_at").ValueKind);
        ErrorAssert.Is(await _owner.PatchAsync(path, """{"target_project_id": "someone-else"}"""), 400, "invalid_object");
        ErrorAssert.Is(await _owner.PatchAsync(path, $$"""{"zone_id": "{{Guid.NewGuid()}}"}"""), 400, "invalid_operation");
        ErrorAssert.Is(await _owner.PatchAsync(path, """{"key": "AAAAAAAA"}"""), 400, "invalid_object");
        ErrorAssert.Is(await _owner.PatchAsync(path, """{"bogus": 1}"""), 400, "invalid_object");
        ErrorAssert.Is(await _receiver.PatchAsync(path, """{"description": "mine"}"""), 403, "forbidden");
        Assert.Null((await _owner.PatchAsync(path, """{"description": null}""")).Json.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Delete_removes_the_request()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(_owner);
        var id = (await _owner.PostAsync($"/v2/zones/{zoneId}/tasks/transfer_requests", Request(_receiver.Project))).Str("id");

        ErrorAssert.Is(await _receiver.DeleteAsync($"{Requests}/{id}"), 403, "forbidden");
        var deleted = await _owner.DeleteAsync($"{Requests}/{id}");

        Assert.Equal(204, deleted.Code);
        ErrorAssert.Is(await _owner.GetAsync($"{Requests}/{id}"), 404, "zone_transfer_request_not_found");

        // With the old one gone, the zone may be offered again.
        Assert.Equal(201, (await _owner.PostAsync($"/v2/zones/{zoneId}/tasks/transfer_requests", "{}")).Code);
    }

    [Fact]
    public async Task Request_errors_follow_designate()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(_owner);
        var path = $"/v2/zones/{zoneId}/tasks/transfer_requests";
        Assert.Equal(201, (await _owner.PostAsync(path, "{}")).Code);
        ErrorAssert.Is(await _owner.PostAsync(path, "{}"), 409, "duplicate_zone_transfer_request");
        ErrorAssert.Is(await _owner.PostAsync($"/v2/zones/{Guid.NewGuid()}/tasks/transfer_requests", "{}"), 404, "zone_not_found");
        ErrorAssert.Is(await _receiver.PostAsync(path, "{}"), 404, "zone_not_found");
        ErrorAssert.Is(await host.Client(_owner.Project, "reader").PostAsync(path, "{}"), 403, "forbidden");
        ErrorAssert.Is(await _owner.PostAsync(path, """{"key": "ABCDEFGH"}"""), 400, "invalid_object");
        ErrorAssert.Is(await _owner.PostAsync(path, "{"), 400, "invalid_json");
        ErrorAssert.Is(await _owner.PostAsync(path, "{}", "text/plain"), 415, "unsupported_content_type");
        ErrorAssert.Is(await _owner.GetAsync($"{Requests}/{Guid.NewGuid()}"), 404, "zone_transfer_request_not_found");
        ErrorAssert.Is(await _owner.PatchAsync($"{Requests}/{Guid.NewGuid()}", "{}"), 404, "zone_transfer_request_not_found");
        ErrorAssert.Is(await _owner.DeleteAsync($"{Requests}/{Guid.NewGuid()}"), 404, "zone_transfer_request_not_found");
        ErrorAssert.Is(await _owner.GetAsync($"{Requests}/not-a-uuid"), 400, "invalid_uuid");
        ErrorAssert.Is(await _owner.GetAsync($"{Requests}?bogus=1"), 400, "bad_request");
        ErrorAssert.Is(await _owner.GetAsync($"{Requests}?sort_key=name"), 400, "invalid_sort_key");

        var (other, _) = await TestData.CreateZoneAsync(_owner);
        ErrorAssert.IsSchemaError(await _owner.PostAsync($"/v2/zones/{other}/tasks/transfer_requests", $$"""{"description": "{{new string('d', 161)}}"}"""), "maxLength", "description");

        // A zone being deleted: held in that state here, as the pool without targets would finish the delete at once.
        await host.QueryAsync(db => db.Zones.Where(z => z.Id == Guid.Parse(other))
            .ExecuteUpdateAsync(z => z.SetProperty(x => x.Action, "DELETE").SetProperty(x => x.Status, "PENDING")));
        ErrorAssert.Is(await _owner.PostAsync($"/v2/zones/{other}/tasks/transfer_requests", "{}"), 400, "bad_request");
    }

    [Fact]
    public async Task Accept_errors_follow_designate_and_change_nothing()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(_owner);
        var request = (await _owner.PostAsync($"/v2/zones/{zoneId}/tasks/transfer_requests", Request(_receiver.Project))).Json;
        var id = request.Str("id");

        ErrorAssert.Is(await _receiver.PostAsync(Accepts, Accept(id, "WRONGKEY")), 403, "invalid_key");
        ErrorAssert.Is(await host.Client(Projects.New("stranger"), "member").PostAsync(Accepts, Accept(id, request.Str("key"))), 403, "forbidden");
        ErrorAssert.Is(await _receiver.PostAsync(Accepts, Accept(Guid.NewGuid().ToString(), "ABCDEFGH")), 404, "zone_transfer_request_not_found");
        ErrorAssert.IsSchemaError(await _receiver.PostAsync(Accepts, Accept("not-a-uuid", "ABCDEFGH")), "format", "zone_transfer_request_id");
        ErrorAssert.IsSchemaError(await _receiver.PostAsync(Accepts, $$"""{"zone_transfer_request_id": "{{id}}"}"""), "required", "key");
        ErrorAssert.Is(await _receiver.PostAsync(Accepts, """{"bogus": 1}"""), 400, "invalid_object");
        ErrorAssert.Is(await _receiver.PostAsync(Accepts, ""), 400, "empty_request_body");

        // The receiver's zone quota applies.
        var admin = host.Client(Projects.New("admin"), "admin");
        Assert.Equal(200, (await admin.PatchAsync($"/v2/quotas/{_receiver.Project}", """{"zones": 0}""")).Code);
        ErrorAssert.Is(await _receiver.PostAsync(Accepts, Accept(id, request.Str("key"))), 413, "over_quota");

        Assert.Equal(_owner.Project, (await _owner.GetAsync($"/v2/zones/{zoneId}")).Str("project_id"));
        Assert.Equal("ACTIVE", (await _owner.GetAsync($"{Requests}/{id}")).Str("status"));

        // Designate writes the accept as ERROR inside create_zone_transfer_accept's @transaction, which then
        // rolls back with the error: a failed accept leaves no record, ERROR or otherwise.
        admin.Headers["X-Auth-All-Projects"] = "true";
        var accepts = (await admin.GetAsync($"{Accepts}?limit=1000")).Json.GetProperty("transfer_accepts").EnumerateArray();
        Assert.DoesNotContain(accepts, a => a.Str("zone_transfer_request_id") == id);
    }

    [Fact]
    public async Task Accepts_are_listed_for_admins_only_with_a_total_count()
    {
        var (zoneId, _) = await TestData.CreateZoneAsync(_owner);
        var request = (await _owner.PostAsync($"/v2/zones/{zoneId}/tasks/transfer_requests", "{}")).Json;
        var acceptId = (await _receiver.PostAsync(Accepts, Accept(request.Str("id"), request.Str("key")))).Str("id");
        var admin = host.Client(Projects.New("admin"), "admin");

        // Accepts are scoped to the caller's project, as Designate's storage scopes them: another project's need all-projects.
        Assert.DoesNotContain((await admin.GetAsync($"{Accepts}?limit=1000")).Json.GetProperty("transfer_accepts").EnumerateArray(), a => a.Str("id") == acceptId);
        admin.Headers["X-Auth-All-Projects"] = "true";
        var listed = await admin.GetAsync($"{Accepts}?status=COMPLETE&limit=1000");

        Assert.Equal(200, listed.Code);
        Assert.Contains(listed.Json.GetProperty("transfer_accepts").EnumerateArray(), a => a.Str("id") == acceptId);
        Assert.True(listed.Json.GetProperty("metadata").GetProperty("total_count").GetInt64() >= 1);
        ErrorAssert.Is(await _receiver.GetAsync(Accepts), 403, "forbidden");
        ErrorAssert.Is(await _owner.GetAsync($"{Accepts}/{acceptId}"), 404, "zone_transfer_accept_not_found");
        Assert.Equal(200, (await _receiver.GetAsync($"{Accepts}/{acceptId}")).Code);
        ErrorAssert.Is(await admin.GetAsync($"{Accepts}/{Guid.NewGuid()}"), 404, "zone_transfer_accept_not_found");
        ErrorAssert.Is(await admin.GetAsync($"{Accepts}/not-a-uuid"), 400, "invalid_uuid");
    }

    private static string Request(string? target, string? description = null) =>
        System.Text.Json.JsonSerializer.Serialize(new { target_project_id = target, description });

    private static string Accept(string requestId, string key) =>
        $$"""{"zone_transfer_request_id": "{{requestId}}", "key": "{{key}}"}""";

    private static IEnumerable<string> Ids(ApiResponse list) =>
        list.Json.GetProperty("transfer_requests").EnumerateArray().Select(r => r.Str("id"));
}
