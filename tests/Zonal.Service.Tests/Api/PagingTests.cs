using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api;

public sealed class PagingSqliteTests(SqliteApiHost host) : PagingTests<SqliteApiHost>(host);

public sealed class PagingPostgresTests(PostgresApiHost host) : PagingTests<PostgresApiHost>(host);

/// <summary>limit, marker, sort_key, sort_dir, links and filters on zone and record set lists.</summary>
public abstract class PagingTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private readonly ApiClient _client = host.Client(project: "paging-" + Guid.NewGuid().ToString("N")[..8]);

    private async Task<List<string>> CreateZonesAsync(int count)
    {
        var names = new List<string>();
        for (int i = 0; i < count; i++)
        {
            names.Add((await TestData.CreateZoneAsync(_client, $"p{i}-" + TestData.ZoneName())).Name);
        }

        return names;
    }

    [Fact]
    public async Task Pages_follow_links_next_without_gaps_or_repeats()
    {
        var names = await CreateZonesAsync(5);
        var seen = new List<string>();
        string? next = "/v2/zones?limit=2";
        int pages = 0;
        while (next is not null)
        {
            var page = await _client.GetAsync(next);
            Assert.Equal(200, page.Code);
            Assert.Equal(5, page.Json.GetProperty("metadata").GetProperty("total_count").GetInt64());
            var zones = page.Json.GetProperty("zones");
            seen.AddRange(zones.EnumerateArray().Select(z => z.GetProperty("name").GetString()!));
            var links = page.Json.GetProperty("links");
            Assert.Contains("limit=2", links.GetProperty("self").GetString());
            next = links.TryGetProperty("next", out var n) ? new Uri(n.GetString()!).PathAndQuery : null;
            Assert.Equal(zones.GetArrayLength() == 2, next is not null);
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(names, seen);
    }

    [Fact]
    public async Task Sort_key_and_direction_order_the_list()
    {
        var names = await CreateZonesAsync(3);
        var page = await _client.GetAsync("/v2/zones?sort_key=name&sort_dir=desc&limit=max");
        var listed = page.Json.GetProperty("zones").EnumerateArray().Select(z => z.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.OrderByDescending(n => n, StringComparer.Ordinal), listed);
        Assert.False(page.Json.GetProperty("links").TryGetProperty("next", out _));
    }

    [Theory]
    [InlineData("/v2/zones", "zones", "created_at,id,updated_at,name,tenant_id,serial,ttl,status")]
    [InlineData("/v2/recordsets", "recordsets", "created_at,updated_at,zone_id,tenant_id,name,type,ttl")]
    public async Task Every_sort_key_pages_in_both_directions_without_repeats(string path, string collection, string keys)
    {
        var (zoneId, zoneName) = await TestData.CreateZoneAsync(_client);
        await CreateZonesAsync(2);
        await _client.PostAsync($"/v2/zones/{zoneId}/recordsets", TestData.RecordSetBody("a." + zoneName, "A", "192.0.2.1"));
        await _client.PatchAsync($"/v2/zones/{zoneId}", """{"ttl": 7200}""");
        // Keyset paging over rows that change under it (PENDING → ACTIVE moves status and updated_at) may repeat one.
        await WaitUntilNonePendingAsync(path, collection);
        foreach (var key in keys.Split(','))
        {
            foreach (var dir in new[] { "asc", "desc" })
            {
                var ids = new List<string>();
                string? next = $"{path}?limit=1&sort_key={key}&sort_dir={dir}";
                while (next is not null)
                {
                    var page = await _client.GetAsync(next);
                    Assert.True(page.Code == 200, $"{key} {dir}: {page}");
                    ids.AddRange(page.Json.GetProperty(collection).EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
                    next = page.Json.GetProperty("links").TryGetProperty("next", out var n) ? new Uri(n.GetString()!).PathAndQuery : null;
                }

                var total = (await _client.GetAsync($"{path}?limit=max")).Json.GetProperty(collection).GetArrayLength();
                Assert.True(total == ids.Count, $"{key} {dir}: {total} listed, {ids.Count} paged");
                Assert.Equal(ids.Count, ids.Distinct().Count());
            }
        }
    }

    private async Task WaitUntilNonePendingAsync(string path, string collection)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await _client.GetAsync($"{path}?status=PENDING&limit=max")).Json.GetProperty(collection).GetArrayLength() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{collection} still PENDING after 30 s");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Filters_match_exactly_or_with_wildcards_case_insensitively()
    {
        var names = await CreateZonesAsync(3);
        var exact = await _client.GetAsync($"/v2/zones?name={names[1].ToUpperInvariant()}");
        Assert.Equal(names[1], exact.Json.GetProperty("zones")[0].GetProperty("name").GetString());
        Assert.Equal(1, exact.Json.GetProperty("metadata").GetProperty("total_count").GetInt64());

        var wild = await _client.GetAsync("/v2/zones?name=p*&status=*");
        Assert.Equal(3, wild.Json.GetProperty("metadata").GetProperty("total_count").GetInt64());
        var none = await _client.GetAsync("/v2/zones?name=p1");
        Assert.Equal(0, none.Json.GetProperty("metadata").GetProperty("total_count").GetInt64());
        var ttl = await _client.GetAsync("/v2/zones?ttl=3600");
        Assert.Equal(3, ttl.Json.GetProperty("metadata").GetProperty("total_count").GetInt64());
    }

    [Fact]
    public async Task Bad_paging_parameters_get_their_own_error_types()
    {
        ErrorAssert.Is(await _client.GetAsync("/v2/zones?limit=0"), 400, "invalid_limit");
        ErrorAssert.Is(await _client.GetAsync("/v2/zones?limit=abc"), 400, "invalid_limit");
        ErrorAssert.Is(await _client.GetAsync("/v2/zones?sort_key=colour"), 400, "invalid_sort_key");
        ErrorAssert.Is(await _client.GetAsync("/v2/zones?sort_dir=up"), 400, "invalid_sort_dir");
        ErrorAssert.Is(await _client.GetAsync("/v2/zones?marker=xyz"), 400, "invalid_marker");
        ErrorAssert.Is(await _client.GetAsync($"/v2/zones?marker={Guid.NewGuid()}"), 400, "marker_not_found");
        ErrorAssert.Is(await _client.GetAsync("/v2/zones?colour=blue"), 400, "bad_request");
        ErrorAssert.Is(await _client.GetAsync("/v2/zones?name=a&name=b"), 400, "bad_request");
    }

    [Fact]
    public async Task Record_set_lists_page_and_hide_counts_on_request()
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        for (int i = 0; i < 3; i++)
        {
            var created = await _client.PostAsync($"/v2/zones/{id}/recordsets", TestData.RecordSetBody($"h{i}.{name}", "A", $"192.0.2.{i + 1}"));
            Assert.Equal(202, created.Code);
        }

        var page = await _client.GetAsync($"/v2/zones/{id}/recordsets?type=A&limit=2&sort_key=name");
        Assert.Equal(3, page.Json.GetProperty("metadata").GetProperty("total_count").GetInt64());
        Assert.Equal($"h0.{name}", page.Json.GetProperty("recordsets")[0].GetProperty("name").GetString());
        var next = new Uri(page.Json.GetProperty("links").GetProperty("next").GetString()!).PathAndQuery;
        var rest = await _client.GetAsync(next);
        Assert.Equal($"h2.{name}", rest.Json.GetProperty("recordsets")[0].GetProperty("name").GetString());

        var byData = await _client.GetAsync($"/v2/zones/{id}/recordsets?data=192.0.2.*");
        Assert.Equal(3, byData.Json.GetProperty("metadata").GetProperty("total_count").GetInt64());

        _client.Headers["OpenStack-DNS-Hide-Counts"] = "true";
        var hidden = await _client.GetAsync($"/v2/zones/{id}/recordsets");
        Assert.Empty(hidden.Json.GetProperty("metadata").EnumerateObject());
        var zones = await _client.GetAsync("/v2/zones");
        Assert.True(zones.Json.GetProperty("metadata").TryGetProperty("total_count", out _));
    }
}
