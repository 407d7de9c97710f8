using System.Net;
using System.Runtime;
using System.Text.Json;

namespace Zonal.Load;

/// <summary>The measured scenarios, in order, against one running service.</summary>
public static class Scenarios
{
    // Fewer methods compiled in a whole warm-up round than this: the JIT has settled.
    private const int SettledJitMethods = 50;

    private const string RecordSetBody = """{{"name": "{0}", "type": "A", "records": ["192.0.2.{1}"], "ttl": 3600}}""";

    /// <param name="results">Takes each scenario's measurement as soon as it ends.</param>
    /// <param name="afterWarmUp">Runs between the warm-up and the measured scenarios.</param>
    public static async Task RunAsync(Uri baseAddress, CpuMeter cpu, LoadOptions options, Action<Measurement> results, Func<Task> afterWarmUp)
    {
        var limit = TimeSpan.FromSeconds(options.Seconds);

        await WarmUpAsync(baseAddress, cpu, options, limit);
        await afterWarmUp();
        results(await WritesAsync(baseAddress, cpu, "recordset create, own zone", 1, options.Writes, limit, sharedZone: false, options.WithoutRelay));
        results(await WritesAsync(baseAddress, cpu, "recordset create, own zone", 8, options.Writes, limit, sharedZone: false, options.WithoutRelay));
        results(await WritesAsync(baseAddress, cpu, "recordset create, one zone", 8, options.Writes, limit, sharedZone: true, options.WithoutRelay));

        results(await SeedZonesAsync(baseAddress, cpu, options.Zones));
        results(await ListAsync(baseAddress, cpu, 1, options.Lists, limit));
        results(await ListAsync(baseAddress, cpu, 8, options.Lists, limit));
    }

    /// <summary>
    /// Warm-up writes (connection pools, prepared statements, JIT), not reported, repeated until the JIT
    /// has settled: tiered compilation recompiles EF Core, Npgsql and Kestrel for tens of seconds after
    /// start, and that compile work would otherwise be charged to the first measured scenarios.
    /// </summary>
    private static async Task WarmUpAsync(Uri baseAddress, CpuMeter cpu, LoadOptions options, TimeSpan limit)
    {
        for (int round = 1; round <= options.WarmupRounds; round++)
        {
            long methods = JitInfo.GetCompiledMethodCount(), jitMs = (long)JitInfo.GetCompilationTime().TotalMilliseconds;
            var warm = await WritesAsync(baseAddress, cpu, "warm-up", 4, options.Warmup, limit, sharedZone: false, options.WithoutRelay);
            methods = JitInfo.GetCompiledMethodCount() - methods;
            jitMs = (long)JitInfo.GetCompilationTime().TotalMilliseconds - jitMs;
            Console.WriteLine($"# warm-up round {round}: {warm.Accepted} writes, {methods} methods JIT-compiled in {jitMs} ms");
            if (methods < SettledJitMethods)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Each client creates A record sets, in its own zone or all in one zone; afterwards the zones must
    /// hold exactly the accepted sets, so a faster write path cannot pass by losing records.
    /// </summary>
    private static async Task<Measurement> WritesAsync(Uri baseAddress, CpuMeter cpu, string name, int clients, int perClient, TimeSpan limit, bool sharedZone, bool withoutRelay)
    {
        var project = "load-" + Guid.NewGuid().ToString("N")[..8];
        var http = Enumerable.Range(0, clients).Select(_ => new LoadClient(baseAddress, project)).ToArray();
        var zones = new List<(string Id, string Name)>();
        foreach (var c in Enumerable.Range(0, sharedZone ? 1 : clients))
        {
            var zoneName = $"{project}-{c}.load.test.";
            zones.Add((await http[c].CreateZoneAsync(zoneName), zoneName));
        }

        var measurement = await Measurement.RunAsync(cpu, name, clients, perClient, limit, async (c, i) =>
        {
            var zone = zones[sharedZone ? 0 : c];
            var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, RecordSetBody, $"c{c}-r{i}.{zone.Name}", i % 250 + 1);
            var (code, _) = await http[c].SendAsync(HttpMethod.Post, $"/v2/zones/{zone.Id}/recordsets", body);
            return code == HttpStatusCode.Accepted;
        });

        long stored = 0;
        foreach (var zone in zones)
        {
            var (_, body) = await http[0].SendAsync(HttpMethod.Get, $"/v2/zones/{zone.Id}/recordsets?type=A&limit=1");
            stored += JsonDocument.Parse(body).RootElement.GetProperty("metadata").GetProperty("total_count").GetInt64();
        }

        if (stored != measurement.Accepted)
        {
            throw new InvalidOperationException($"{name}: {measurement.Accepted} creates accepted but {stored} record sets stored");
        }

        // Without the relay nothing reports the changes, so the zones stay PENDING.
        foreach (var zone in withoutRelay ? [] : zones)
        {
            await WaitForActiveAsync(http[0], zone.Id);
        }

        foreach (var client in http)
        {
            client.Dispose();
        }

        return measurement;
    }

    /// <summary>Every change must still reach the (target-less) pool and turn the zone ACTIVE; a stuck outbox fails the run.</summary>
    private static async Task WaitForActiveAsync(LoadClient client, string zoneId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (_, body) = await client.SendAsync(HttpMethod.Get, $"/v2/zones/{zoneId}");
            var status = JsonDocument.Parse(body).RootElement.GetProperty("status").GetString();
            if (status == "ACTIVE")
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"zone {zoneId} still {status} a minute after the last write");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Creates zones (8 clients) in the list project until it holds <paramref name="count"/>.</summary>
    private static async Task<Measurement> SeedZonesAsync(Uri baseAddress, CpuMeter cpu, int count)
    {
        const int Clients = 8;
        var http = Enumerable.Range(0, Clients).Select(_ => new LoadClient(baseAddress, ListProject)).ToArray();
        int perClient = (count + Clients - 1) / Clients;
        var measurement = await Measurement.RunAsync(cpu, "zone create (seeding the list)", Clients, perClient, TimeSpan.MaxValue, async (c, i) =>
        {
            int n = c * perClient + i;
            if (n >= count)
            {
                return true;
            }

            var (code, _) = await http[c].SendAsync(HttpMethod.Post, "/v2/zones", $$"""{"name": "z{{n}}.list.load.test.", "email": "hostmaster@example.org"}""");
            return code == HttpStatusCode.Accepted;
        });
        foreach (var client in http)
        {
            client.Dispose();
        }

        return measurement;
    }

    private const string ListProject = "load-list";

    /// <summary>GET /v2/zones (first page, default limit, with the total count) by a project with the seeded zones.</summary>
    private static async Task<Measurement> ListAsync(Uri baseAddress, CpuMeter cpu, int clients, int perClient, TimeSpan limit)
    {
        var http = Enumerable.Range(0, clients).Select(_ => new LoadClient(baseAddress, ListProject)).ToArray();
        var measurement = await Measurement.RunAsync(cpu, "GET /v2/zones", clients, perClient, limit, async (c, _) =>
        {
            var (code, _) = await http[c].SendAsync(HttpMethod.Get, "/v2/zones");
            return code == HttpStatusCode.OK;
        });
        foreach (var client in http)
        {
            client.Dispose();
        }

        return measurement;
    }
}
