using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Central;
using Zonal.Configuration;
using Zonal.Hosting;
using Zonal.MiniDns;

namespace Zonal.Tests.EndToEnd;

/// <summary>
/// The whole service (API, central, worker, MiniDNS on a random port) over a fresh SQLite file, with
/// fast worker timings, and the default pool loaded as pools.yaml would: the given targets,
/// transferring from this MiniDNS, polled as the pool's nameservers.
/// </summary>
public sealed class PropagationHost : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("zonal-e2e-").FullName;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public IPEndPoint MiniDns { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public static async Task<PropagationHost> StartAsync(Func<IPEndPoint, PoolDefinition> pool)
    {
        var host = await StartAsync();
        await host.LoadPoolAsync(pool(host.MiniDns));
        return host;
    }

    /// <summary>The service with the embedded default pool, until <see cref="UseTargetsAsync"/> replaces it.</summary>
    public static async Task<PropagationHost> StartAsync(IEnumerable<KeyValuePair<string, string?>>? extraSettings = null)
    {
        var host = new PropagationHost();
        var settings = new Dictionary<string, string?>
        {
            ["Zonal:Database"] = "sqlite:Data Source=" + Path.Combine(host._directory, "zonal.db") + ";Default Timeout=60",
            ["Zonal:Api:Listen"] = "http://127.0.0.1:0",
            ["Zonal:MiniDns:Listen"] = "127.0.0.1:0",
            ["Zonal:Nameserver:Listen"] = "127.0.0.1:0",
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

        host._app = ZonalApp.Build([], settings);
        await ZonalApp.MigrateAsync(host._app.Services);
        await host._app.StartAsync();
        var address = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host._http = new HttpClient { BaseAddress = new Uri(address) };
        host._http.DefaultRequestHeaders.Add("X-Auth-Project-ID", "e2e-tests");
        host._http.DefaultRequestHeaders.Add("X-Roles", "admin");
        host.MiniDns = host._app.Services.GetRequiredService<MiniDnsService>().EndPoints[0];
        return host;
    }

    /// <summary>Makes these servers the default pool's targets and nameservers, transferring from this MiniDNS.</summary>
    public Task UseTargetsAsync(params Backends.ITargetServer[] targets) => LoadPoolAsync(DefaultPool(MiniDns, targets));

    /// <summary>Loads a pool as `zonal manage pool-update` would.</summary>
    public async Task LoadPoolAsync(PoolDefinition pool)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var loader = ActivatorUtilities.CreateInstance<PoolLoader>(scope.ServiceProvider);
        await loader.ApplyAsync([pool], delete: false, dryRun: false, CancellationToken.None);
    }

    /// <summary>The default pool with these targets, each also polled as a nameserver.</summary>
    public static PoolDefinition DefaultPool(IPEndPoint miniDns, params Backends.ITargetServer[] targets)
    {
        var master = new PoolServer(miniDns.Address.ToString(), miniDns.Port);
        return new PoolDefinition(Guid.Parse(PoolOptions.DefaultPoolId), "default", null, new Dictionary<string, string>(),
            [new PoolNsRecord("ns1.example.net.", 1)],
            targets.Select(t => t.AsNameserver()).ToList(),
            targets.Select(t => t.AsPoolTarget(master)).ToList(),
            []);
    }

    public async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonObject? body = null)
    {
        var (status, text) = await TrySendAsync(method, path, body);
        Assert.True((int)status is >= 200 and < 300, $"{method} {path}: {(int)status} {text}");
        return JsonNode.Parse(text)!;
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
        _http?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    public static string NewZoneName() => $"e{Guid.NewGuid():N}"[..16] + ".test.";

    public static JsonObject Zone(string name) => new() { ["name"] = name, ["email"] = "hostmaster@example.org", ["ttl"] = 300 };

    public static JsonObject RecordSet(string name, string type, params string[] records) =>
        new() { ["name"] = name, ["type"] = type, ["records"] = new JsonArray(records.Select(r => (JsonNode)r!).ToArray()) };

    public static string Str(JsonNode node, string property) => node[property]!.GetValue<string>();

    public static long Serial(JsonNode zone) => zone["serial"]!.GetValue<long>();

    public static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
