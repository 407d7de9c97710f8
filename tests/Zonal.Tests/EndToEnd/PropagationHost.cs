using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zonal.Central;
using Zonal.Hosting;

namespace Zonal.Tests.EndToEnd;

/// <summary>
/// The whole service (API, central, worker, MiniDNS on a random port) over a fresh SQLite file, with
/// fast worker timings, and the default pool loaded as pools.yaml would: the given targets,
/// transferring from this MiniDNS, polled as the pool's nameservers.
/// </summary>
public sealed class PropagationHost : IAsyncDisposable
{
    private readonly EmbeddedZonal _zonal;
    private readonly HttpClient _http;

    private PropagationHost(EmbeddedZonal zonal)
    {
        _zonal = zonal;
        _http = zonal.CreateClient("e2e-tests");
        _http.DefaultRequestHeaders.Add("X-Roles", "admin");
    }

    public IPEndPoint MiniDns => _zonal.MiniDns;

    /// <summary>The service's database, as `zonal manage --database` takes it.</summary>
    public string Database => _zonal.Database;

    public IServiceProvider Services => _zonal.Services;

    public static async Task<PropagationHost> StartAsync(Func<IPEndPoint, PoolDefinition> pool)
    {
        var host = await StartAsync();
        await host._zonal.LoadPoolAsync(pool(host.MiniDns));
        return host;
    }

    /// <summary>The service with the embedded default pool, until <see cref="UseTargetsAsync"/> replaces it.</summary>
    public static async Task<PropagationHost> StartAsync(IEnumerable<KeyValuePair<string, string?>>? extraSettings = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Zonal:DefaultPool:NsRecords:0:Hostname"] = "ns1.example.net.",
            ["Zonal:Worker:PollTimeout"] = "1",
            ["Zonal:Worker:PollFirstRetryInterval"] = "0.005",
            ["Zonal:Worker:PollRetryInterval"] = "0.3",
            ["Zonal:Worker:PollMaxRetries"] = "6",
            ["Zonal:Worker:RecoveryInterval"] = "1",
        };
        foreach (var (key, value) in extraSettings ?? [])
        {
            settings[key] = value;
        }

        return new PropagationHost(await EmbeddedZonal.StartAsync("e2e", settings));
    }

    /// <summary>Makes these servers the default pool's targets and nameservers, transferring from this MiniDNS.</summary>
    public Task UseTargetsAsync(params ITargetServer[] targets) => _zonal.UseTargetsAsync(targets);

    /// <summary>Loads a pool as `zonal manage pool-update` would.</summary>
    public Task LoadPoolAsync(PoolDefinition pool) => _zonal.LoadPoolAsync(pool);

    /// <summary>Loads a pools.yaml the way operators do, with `zonal manage pool-update --file`.</summary>
    public async Task LoadPoolsFileAsync(string yaml)
    {
        var file = Path.Combine(_zonal.DataDirectory, $"pools-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, yaml);
        Assert.Equal(0, await ManageCommand.RunAsync(["pool-update", "--file", file, "--database", Database]));
    }

    /// <summary>The default pool with these targets, each also polled as a nameserver.</summary>
    public static PoolDefinition DefaultPool(IPEndPoint miniDns, params ITargetServer[] targets) => EmbeddedZonal.DefaultPool(miniDns, targets);

    public async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonObject? body = null)
    {
        var (status, text) = await TrySendAsync(method, path, body);
        Assert.True((int)status is >= 200 and < 300, $"{method} {path}: {(int)status} {text}");
        // A zone task (pool_move) answers 202 with no body.
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Any answer, as its status and body; <paramref name="roles"/> replaces the admin role.</summary>
    public async Task<(HttpStatusCode Status, string Text)> TrySendAsync(HttpMethod method, string path, JsonObject? body = null, string? roles = null, bool allProjects = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (roles is not null)
        {
            request.Headers.Add("X-Roles", roles);
        }

        if (allProjects)
        {
            request.Headers.Add("X-Auth-All-Projects", "true");
        }

        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Polls the zone until <paramref name="status"/>; null status waits for the zone to be gone (404).</summary>
    public async Task<JsonNode?> WaitForZoneAsync(string zoneId, string? status, Func<string> logs, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await _http.GetAsync($"/v2/zones/{zoneId}");
            last = await response.Content.ReadAsStringAsync();
            if (status is null && response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (response.IsSuccessStatusCode && JsonNode.Parse(last)!["status"]!.GetValue<string>() == status)
            {
                return JsonNode.Parse(last);
            }

            await Task.Delay(20);
        }

        Assert.Fail($"zone {zoneId} did not become {status ?? "gone"}; last: {last}\n{logs()}");
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _zonal.DisposeAsync();
    }

    public static string NewZoneName() => $"e{Guid.NewGuid():N}"[..16] + ".test.";

    public static JsonObject Zone(string name) => new() { ["name"] = name, ["email"] = "hostmaster@example.org", ["ttl"] = 300 };

    public static JsonObject RecordSet(string name, string type, params string[] records) =>
        new() { ["name"] = name, ["type"] = type, ["records"] = new JsonArray(records.Select(r => (JsonNode)r!).ToArray()) };

    public static string Str(JsonNode node, string property) => node[property]!.GetValue<string>();

    public static long Serial(JsonNode zone) => zone["serial"]!.GetValue<long>();

    public static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
