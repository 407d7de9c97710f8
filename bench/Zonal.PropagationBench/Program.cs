using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Zonal.TestSupport;

// dotnet run -c Release --project bench/Zonal.PropagationBench -- [writes] [builtin|bind9] [zone records]
// The embedded default in this process (SQLite, MiniDNS and the builtin nameserver on free loopback
// ports, the default pool's builtin target): each write is a record set POST timed until the API
// shows it ACTIVE, i.e. the target has transferred and serves it. bench/README.md has results.
// bind9: the default pool's only target is instead a real named on loopback, driven by rndc.
// zone records: the zone starts with that many A records (imported, untimed), so each timed write is
// a one-record change in a large zone.
int writes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
bool bind9 = args.Length > 1 && args[1] == "bind9";
int zoneRecords = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
using var named = bind9 ? NamedTarget.Start(extraOptions: BenchKnobs.NamedOptions) : null;
await using var zonal = await EmbeddedZonal.StartAsync("propagation-bench", new Dictionary<string, string?>
{
    ["Zonal:Nameserver:Enabled"] = bind9 ? "false" : "true",
    ["Zonal:Quotas:ZoneRecordsets"] = "-1",
    ["Zonal:Quotas:ZoneRecords"] = "-1",
    ["Logging:LogLevel:Default"] = "Error",
});
try
{
    if (named is not null)
    {
        // The default pool as pools.yaml would load it, with named as its one target and nameserver.
        await zonal.UseTargetsAsync(named);
    }

    using var http = zonal.CreateClient("bench");

    var setup = Stopwatch.StartNew();
    var zone = zoneRecords > 0
        ? await LargeZone.ImportAsync(http, "bench.example.", zoneRecords)
        : await PostAsync(http, "/v2/zones", new { name = "bench.example.", email = "hostmaster@example.org" });
    var zonePath = $"/v2/zones/{zone}";
    var imported = setup.Elapsed;
    var activeAfter = await WaitActiveAsync(http, zonePath, setup, TimeSpan.FromMinutes(30), zoneRecords > 0 ? 100 : 1);
    if (zoneRecords > 0)
    {
        Console.WriteLine($"zone of {zoneRecords} records: import {imported.TotalSeconds:F1} s, → ACTIVE {activeAfter.TotalSeconds:F1} s");
    }
    else
    {
        // The first zone after start beside a later one: what a cold process adds (the host warms up at start).
        var second = Stopwatch.StartNew();
        var secondZone = await PostAsync(http, "/v2/zones", new { name = "bench2.example.", email = "hostmaster@example.org" });
        var secondAfter = await WaitActiveAsync(http, $"/v2/zones/{secondZone}", second, TimeSpan.FromMinutes(2), 1);
        Console.WriteLine($"zone create → ACTIVE: first zone after start {activeAfter.TotalMilliseconds:F1} ms, second zone {secondAfter.TotalMilliseconds:F1} ms");
    }

    var latencies = new List<double>();
    var errors = new List<double>();
    var cpu = TimeSpan.Zero;
    for (int i = 0; i <= writes; i++)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var id = await PostAsync(http, $"{zonePath}/recordsets", new { name = $"r{i}.bench.example.", type = "A", records = new[] { "192.0.2.1" } });
        var settled = await WaitSettledAsync(http, $"{zonePath}/recordsets/{id}", clock);
        if (i > 0)
        {
            (settled == "ACTIVE" ? latencies : errors).Add(clock.Elapsed.TotalMilliseconds);
            cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        }

        await BenchKnobs.PaceAsync(clock.Elapsed);
    }

    if (errors.Count > 0)
    {
        // The worker gave up polling (its retries ran out) before the target served the change.
        Console.WriteLine($"{errors.Count} of {writes} writes ended ERROR, after {string.Join(", ", errors.Select(e => $"{e:F0}"))} ms; percentiles below are of the ACTIVE ones");
    }

    latencies.Sort();
    double At(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
    Console.WriteLine($"record set create → ACTIVE, {latencies.Count} writes one at a time ({BenchKnobs.Describe(bind9)}): p50 {At(0.50):F1} ms  p90 {At(0.90):F1} ms  p99 {At(0.99):F1} ms  max {latencies[^1]:F1} ms");
    Console.WriteLine($"this process's CPU per write (API, central, worker, MiniDNS, builtin nameserver, the polling client): {cpu.TotalMilliseconds / writes:F1} ms");
}
finally
{
    BenchKnobs.KeepNamedLog(named);
}

static async Task<string> PostAsync(HttpClient http, string path, object body)
{
    using var response = await http.PostAsync(path, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
    var json = await response.Content.ReadFromJsonAsync<JsonElement>();
    return response.IsSuccessStatusCode ? json.GetProperty("id").GetString()! : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {json}");
}

// A large zone's untimed setup wait polls every 100 ms, not to compete with the worker for the 2 cores.
static async Task<TimeSpan> WaitActiveAsync(HttpClient http, string path, Stopwatch clock, TimeSpan limit, int everyMs)
{
    var status = await WaitSettledAsync(http, path, clock, limit, TimeSpan.FromMilliseconds(everyMs));
    return status == "ACTIVE" ? clock.Elapsed : throw new InvalidOperationException($"{path} is {status} after {clock.Elapsed}");
}

// Polls every millisecond by default (a cheap read next to the propagation it waits for) until ACTIVE or ERROR.
static async Task<string> WaitSettledAsync(HttpClient http, string path, Stopwatch clock, TimeSpan? limit = null, TimeSpan? every = null)
{
    while (true)
    {
        var json = await http.GetFromJsonAsync<JsonElement>(path);
        var status = json.GetProperty("status").GetString()!;
        if (status is "ACTIVE" or "ERROR")
        {
            return status;
        }

        if (clock.Elapsed > (limit ?? TimeSpan.FromMinutes(2)))
        {
            throw new InvalidOperationException($"{path} is {status} after {clock.Elapsed}");
        }

        await Task.Delay(every ?? TimeSpan.FromMilliseconds(1));
    }
}
