using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Central;
using Zonal.Configuration;
using Zonal.Hosting;
using Zonal.MiniDns;

// dotnet run -c Release --project bench/Zonal.PropagationBench -- [writes] [builtin|bind9]
// The embedded default in this process (SQLite, MiniDNS and the builtin nameserver on free loopback
// ports, the default pool's builtin target): each write is a record set POST timed until the API
// shows it ACTIVE, i.e. the target has transferred and serves it. bench/README.md has results.
// bind9: the default pool's only target is instead a real named on loopback, driven by rndc.
int writes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
bool bind9 = args.Length > 1 && args[1] == "bind9";
using var named = bind9 ? BenchNamed.Start() : null;
var folder = Directory.CreateTempSubdirectory("zonal-propagation-bench-").FullName;
var app = ZonalApp.Build([], new Dictionary<string, string?>
{
    ["Zonal:Database"] = $"sqlite:Data Source={Path.Combine(folder, "zonal.db")}",
    ["Zonal:DataDirectory"] = folder,
    ["Zonal:Api:Listen"] = "http://127.0.0.1:0",
    ["Zonal:MiniDns:Listen"] = "127.0.0.1:0",
    ["Zonal:Nameserver:Listen"] = "127.0.0.1:0",
    ["Zonal:Nameserver:Enabled"] = bind9 ? "false" : "true",
    ["Zonal:Quotas:ZoneRecordsets"] = "-1",
    ["Zonal:Quotas:ZoneRecords"] = "-1",
    ["Logging:LogLevel:Default"] = "Error",
});
await ZonalApp.MigrateAsync(app.Services);
await app.StartAsync();
try
{
    if (named is not null)
    {
        await UseNamedAsync(app.Services, named);
    }

    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    using var http = new HttpClient { BaseAddress = new Uri(address) };
    http.DefaultRequestHeaders.Add("X-Auth-Project-ID", "bench");

    var zone = await PostAsync(http, "/v2/zones", new { name = "bench.example.", email = "hostmaster@example.org" });
    var zonePath = $"/v2/zones/{zone}";
    Console.WriteLine($"zone create → ACTIVE: {(await WaitActiveAsync(http, zonePath)).TotalMilliseconds:F1} ms");

    var latencies = new List<double>();
    for (int i = 0; i <= writes; i++)
    {
        var clock = Stopwatch.StartNew();
        var id = await PostAsync(http, $"{zonePath}/recordsets", new { name = $"r{i}.bench.example.", type = "A", records = new[] { "192.0.2.1" } });
        await WaitActiveAsync(http, $"{zonePath}/recordsets/{id}", clock);
        if (i > 0)
        {
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        await BenchKnobs.PaceAsync(clock.Elapsed);
    }

    latencies.Sort();
    double At(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
    Console.WriteLine($"record set create → ACTIVE, {writes} writes one at a time ({BenchKnobs.Describe(bind9)}): p50 {At(0.50):F1} ms  p90 {At(0.90):F1} ms  p99 {At(0.99):F1} ms  max {latencies[^1]:F1} ms");
}
finally
{
    await app.StopAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

// Loads the default pool as pools.yaml would, with named as its one target and nameserver.
static async Task UseNamedAsync(IServiceProvider services, BenchNamed named)
{
    var miniDns = services.GetRequiredService<MiniDnsService>().EndPoints[0];
    var master = new PoolServer(miniDns.Address.ToString(), miniDns.Port);
    var pool = new PoolDefinition(Guid.Parse(PoolOptions.DefaultPoolId), "default", null, new Dictionary<string, string>(),
        [new PoolNsRecord("ns1.example.net.", 1)], [named.AsNameserver()], [named.AsPoolTarget(master)], []);
    await using var scope = services.CreateAsyncScope();
    var loader = ActivatorUtilities.CreateInstance<PoolLoader>(scope.ServiceProvider);
    await loader.ApplyAsync([pool], delete: false, dryRun: false, CancellationToken.None);
}

static async Task<string> PostAsync(HttpClient http, string path, object body)
{
    using var response = await http.PostAsync(path, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
    var json = await response.Content.ReadFromJsonAsync<JsonElement>();
    return response.IsSuccessStatusCode ? json.GetProperty("id").GetString()! : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {json}");
}

// Polls every millisecond: the poll itself is a cheap read next to the propagation it waits for.
static async Task<TimeSpan> WaitActiveAsync(HttpClient http, string path, Stopwatch? clock = null)
{
    clock ??= Stopwatch.StartNew();
    while (true)
    {
        var json = await http.GetFromJsonAsync<JsonElement>(path);
        var status = json.GetProperty("status").GetString();
        if (status == "ACTIVE")
        {
            return clock.Elapsed;
        }

        if (status == "ERROR" || clock.Elapsed > TimeSpan.FromMinutes(2))
        {
            throw new InvalidOperationException($"{path} is {status} after {clock.Elapsed}");
        }

        await Task.Delay(1);
    }
}
