using Zonal.Service.Tests.Compatibility;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api.Sharing;

public sealed class SharedZoneListingSqliteTests(SqliteApiHost host) : SharedZoneListingTests<SqliteApiHost>(host);

public sealed class SharedZoneListingPostgresTests(PostgresApiHost host) : SharedZoneListingTests<PostgresApiHost>(host);

/// <summary>
/// GET /v2/zones of a project that owns zones and has zones of other projects shared with it, beside
/// zones it must not see: exactly its own and the shared ones, in order, on every page.
/// </summary>
public abstract class SharedZoneListingTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private readonly ApiClient _viewer = host.Client(Projects.New("viewer"), "member");
    private readonly ApiClient _owner = host.Client(Projects.New("owner"), "member");
    private readonly ApiClient _other = host.Client(Projects.New("other"), "member");
    private readonly List<string> _hidden = [];

    [Fact]
    public async Task Lists_own_and_shared_zones_exactly_in_every_order_and_page_size()
    {
        var expected = await CreateZonesAsync();

        foreach (var key in new[] { "created_at", "name", "id" })
        {
            foreach (var dir in new[] { "asc", "desc" })
            {
                var order = Sorted(expected, key, dir);
                foreach (var limit in new[] { 1, 2, 3, 20 })
                {
                    var listed = await ListAllAsync($"/v2/zones?limit={limit}&sort_key={key}&sort_dir={dir}", expected.Count);
                    Assert.True(order.Select(z => z.Id).SequenceEqual(listed.Select(z => z.Str("id"))), $"{key} {dir} limit {limit}");
                }
            }
        }
    }

    [Fact]
    public async Task Filters_count_and_shared_flags_cover_both_parts()
    {
        var expected = await CreateZonesAsync();

        var page = await _viewer.GetAsync("/v2/zones?limit=max");
        var zones = page.Json.GetProperty("zones").EnumerateArray().ToList();
        Assert.Equal(expected.Count, page.Json.GetProperty("metadata").GetProperty("total_count").GetInt64());
        Assert.Equal(expected.Select(z => z.Id).Order(), zones.Select(z => z.Str("id")).Order());
        foreach (var zone in zones)
        {
            var own = zone.Str("project_id") == _viewer.Project;
            Assert.Equal(!own, zone.GetProperty("shared").GetBoolean());
        }

        // Names starting with 'b': one own zone, one shared zone, and one the viewer must not see.
        var filtered = await _viewer.GetAsync("/v2/zones?name=b*");
        Assert.Equal(expected.Where(z => z.Name.StartsWith('b')).Select(z => z.Id).Order(),
            filtered.Json.GetProperty("zones").EnumerateArray().Select(z => z.Str("id")).Order());
        Assert.Equal(2, filtered.Json.GetProperty("metadata").GetProperty("total_count").GetInt64());

        var marker = Sorted(expected, "created_at", "asc")[1].Id;
        var after = await _viewer.GetAsync($"/v2/zones?marker={marker}&limit=max");
        Assert.Equal(Sorted(expected, "created_at", "asc").Skip(2).Select(z => z.Id),
            after.Json.GetProperty("zones").EnumerateArray().Select(z => z.Str("id")));
        Assert.Equal(expected.Count, after.Json.GetProperty("metadata").GetProperty("total_count").GetInt64());

        foreach (var hidden in _hidden)
        {
            ErrorAssert.Is(await _viewer.GetAsync($"/v2/zones?marker={hidden}"), 400, "marker_not_found");
        }
    }

    /// <summary>
    /// Creates, interleaved in time, the viewer's zones, the owner's zones shared with the viewer, and
    /// zones the viewer must not see (not shared, shared elsewhere, unshared again: kept in _hidden);
    /// returns what the viewer should list, with the fields the list sorts by.
    /// </summary>
    private async Task<List<Expected>> CreateZonesAsync()
    {
        var expected = new List<Expected>();
        // Letters first, then 'z': every collation orders these names as ordinal comparison does.
        var suffix = "z" + Guid.NewGuid().ToString("N")[..10] + ".test.";

        async Task<string> Create(ApiClient client, string letter)
        {
            var (id, _) = await TestData.CreateZoneAsync(client, $"{letter}{suffix}");
            return id;
        }

        async Task Share(ApiClient client, string zoneId, ApiClient target)
        {
            var shared = await client.PostAsync($"/v2/zones/{zoneId}/shares", $$"""{"target_project_id": "{{target.Project}}"}""");
            Assert.True(shared.Code == 201, shared.ToString());
        }

        async Task Expect(string id) => expected.Add(Expected.From(await _viewer.GetAsync($"/v2/zones/{id}")));

        await Expect(await Create(_viewer, "a"));
        var shared1 = await Create(_owner, "b");
        await Share(_owner, shared1, _viewer);
        await Share(_owner, shared1, _other);
        await Expect(shared1);
        _hidden.Add(await Create(_owner, "bb"));
        await Expect(await Create(_viewer, "bc"));
        var elsewhere = await Create(_other, "c");
        _hidden.Add(elsewhere);
        await Share(_other, elsewhere, _owner);
        var unshared = await Create(_owner, "cc");
        _hidden.Add(unshared);
        await Share(_owner, unshared, _viewer);
        var shares = await _owner.GetAsync($"/v2/zones/{unshared}/shares");
        Assert.Equal(204, (await _owner.DeleteAsync($"/v2/zones/{unshared}/shares/{shares.Json.GetProperty("shared_zones")[0].Str("id")}")).Code);
        var shared2 = await Create(_other, "d");
        await Share(_other, shared2, _viewer);
        await Expect(shared2);
        await Expect(await Create(_viewer, "dd"));
        _hidden.Add(await Create(_other, "e"));
        return expected;
    }

    private async Task<List<System.Text.Json.JsonElement>> ListAllAsync(string first, long total)
    {
        var listed = new List<System.Text.Json.JsonElement>();
        string? next = first;
        while (next is not null)
        {
            var page = await _viewer.GetAsync(next);
            Assert.True(page.Code == 200, page.ToString());
            Assert.Equal(total, page.Json.GetProperty("metadata").GetProperty("total_count").GetInt64());
            listed.AddRange(page.Json.GetProperty("zones").EnumerateArray());
            next = page.Json.GetProperty("links").TryGetProperty("next", out var n) ? new Uri(n.GetString()!).PathAndQuery : null;
        }

        return listed;
    }

    /// <summary>The order the API promises: the key, then the id, both in the requested direction.</summary>
    private static List<Expected> Sorted(List<Expected> zones, string key, string dir)
    {
        Func<Expected, string> by = key switch
        {
            "created_at" => z => z.CreatedAt,
            "name" => z => z.Name,
            _ => z => z.Id,
        };
        var ordered = dir == "asc"
            ? zones.OrderBy(by, StringComparer.Ordinal).ThenBy(z => z.Id, StringComparer.Ordinal)
            : zones.OrderByDescending(by, StringComparer.Ordinal).ThenByDescending(z => z.Id, StringComparer.Ordinal);
        return ordered.ToList();
    }

    private sealed record Expected(string Id, string Name, string CreatedAt)
    {
        public static Expected From(ApiResponse shown)
        {
            Assert.True(shown.Code == 200, shown.ToString());
            return new Expected(shown.Str("id"), shown.Str("name"), shown.Str("created_at"));
        }
    }
}
