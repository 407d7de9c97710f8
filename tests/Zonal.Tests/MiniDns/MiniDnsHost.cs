using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Hosting;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Worker;
using Zonal.MiniDns;
using Zonal.Storage;

namespace Zonal.Tests.MiniDns;

/// <summary>
/// The embedded service over a fresh SQLite file with MiniDNS on a random loopback port. Zones and
/// records are written through the real API, as a tenant would; NameserverStatus casts are collected.
/// </summary>
public class MiniDnsHost : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("zonal-mdns-").FullName;
    private WebApplication? _app;
    private HttpClient _http = null!;

    public IPEndPoint EndPoint { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public IMessageBus Bus => Services.GetRequiredService<IMessageBus>();

    public StatusCollector Statuses { get; } = new();

    /// <summary>Settings a fixture adds to the common ones.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Zonal:Database"] = "sqlite:Data Source=" + Path.Combine(_directory, "zonal.db") + ";Default Timeout=60",
            ["Zonal:Api:Listen"] = "http://127.0.0.1:0",
            ["Zonal:MiniDns:Listen"] = "127.0.0.1:0",
            ["Zonal:Nameserver:Listen"] = "127.0.0.1:0",
            ["Zonal:MiniDns:TcpRecvTimeout"] = "2",
            ["Zonal:Nameserver:Listen"] = "127.0.0.1:0",
            // The tests drive MiniDNS's polls themselves: no worker pushing to the builtin nameserver beside them.
            ["Zonal:DefaultPool:BuiltinTarget"] = "false",
            ["Zonal:DefaultPool:NsRecords:0:Hostname"] = "ns1.example.net.",
            ["Zonal:Quotas:Zones"] = "-1",
            ["Zonal:Quotas:ZoneRecordsets"] = "-1",
            ["Zonal:Quotas:ZoneRecords"] = "-1",
            ["Zonal:Quotas:RecordsetRecords"] = "-1",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        _app = ZonalApp.Build([], settings, services => services.AddSingleton<ICastHandler<NameserverStatus>>(Statuses));
        await ZonalApp.MigrateAsync(_app.Services);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
        _http.DefaultRequestHeaders.Add("X-Auth-Project-ID", "mdns-tests");
        _http.DefaultRequestHeaders.Add("X-Roles", "admin");
        EndPoint = _app.Services.GetRequiredService<MiniDnsService>().EndPoints[0];
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    public static string NewZoneName() => $"m{Guid.NewGuid():N}"[..16] + ".test.";

    public async Task<Guid> CreateZoneAsync(string name)
    {
        var zone = await SendAsync(HttpMethod.Post, "/v2/zones", new JsonObject { ["name"] = name, ["email"] = "hostmaster@example.org", ["ttl"] = 300 });
        return Guid.Parse((string)zone["id"]!);
    }

    /// <summary>Imports a zone file through the API's import task and waits until it is COMPLETE.</summary>
    public async Task<Guid> ImportZoneAsync(string zoneFile, TimeSpan patience)
    {
        using var content = new StringContent(zoneFile, System.Text.Encoding.UTF8, "text/dns");
        using var response = await _http.PostAsync("/v2/zones/tasks/imports", content);
        Assert.True(response.IsSuccessStatusCode, $"import: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!;
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var task = JsonNode.Parse(await _http.GetStringAsync(location))!;
            var status = (string)task["status"]!;
            if (status == "COMPLETE")
            {
                return Guid.Parse((string)task["zone_id"]!);
            }

            Assert.True(status == "PENDING" && DateTime.UtcNow < deadline, $"import task: {task.ToJsonString()}");
            await Task.Delay(50);
        }
    }

    public async Task<Guid> AddRecordSetAsync(Guid zone, string name, string type, params string[] records)
    {
        var set = await SendAsync(HttpMethod.Post, $"/v2/zones/{zone}/recordsets", new JsonObject
        {
            ["name"] = name,
            ["type"] = type,
            ["records"] = new JsonArray(records.Select(r => (JsonNode)r!).ToArray()),
        });
        return Guid.Parse((string)set["id"]!);
    }

    public Task ReplaceRecordsAsync(Guid zone, Guid set, params string[] records) =>
        SendAsync(HttpMethod.Put, $"/v2/zones/{zone}/recordsets/{set}", new JsonObject { ["records"] = new JsonArray(records.Select(r => (JsonNode)r!).ToArray()) });

    public Task DeleteRecordSetAsync(Guid zone, Guid set) => SendAsync(HttpMethod.Delete, $"/v2/zones/{zone}/recordsets/{set}", null);

    public async Task<Guid> CreateTsigKeyAsync(string name, string algorithm, string secret, string scope, Guid resource)
    {
        var key = await SendAsync(HttpMethod.Post, "/v2/tsigkeys", new JsonObject
        {
            ["name"] = name,
            ["algorithm"] = algorithm,
            ["secret"] = secret,
            ["scope"] = scope,
            ["resource_id"] = resource.ToString(),
        });
        return Guid.Parse((string)key["id"]!);
    }

    public async Task<long> SerialAsync(Guid zone)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZonalDbContext>();
        return (await db.Zones.FindAsync(zone))!.Serial;
    }

    public async Task<List<ZoneJournalRow>> JournalAsync(Guid zone)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZonalDbContext>();
        return db.ZoneJournal.Where(j => j.ZoneId == zone).OrderBy(j => j.Id).ToList();
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}

/// <summary>Keeps every NameserverStatus cast so a test can wait for the one it caused.</summary>
public sealed class StatusCollector : ICastHandler<NameserverStatus>
{
    private readonly ConcurrentQueue<NameserverStatus> _seen = new();

    public Task HandleAsync(NameserverStatus cast, CancellationToken ct)
    {
        _seen.Enqueue(cast);
        return Task.CompletedTask;
    }

    public async Task<NameserverStatus> WaitAsync(Guid zone, string host, int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = _seen.FirstOrDefault(s => s.ZoneId == zone && s.Host == host && s.Port == port);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no NameserverStatus for zone {zone} at {host}:{port} within {timeout}");
    }
}
