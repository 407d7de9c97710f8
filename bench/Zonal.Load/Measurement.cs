using System.Diagnostics;

namespace Zonal.Load;

/// <summary>What one scenario measured: accepted requests, failures, wall time, CPU time and per-request latencies.</summary>
public sealed record Measurement(string Name, int Clients, int Accepted, int Failed, TimeSpan Elapsed, TimeSpan Cpu, TimeSpan DatabaseCpu, double[] LatenciesMs)
{
    public double PerSecond => Accepted / Elapsed.TotalSeconds;

    /// <summary>CPU of service, clients and database per accepted request: what the machine pays, whatever else runs.</summary>
    public double CpuMsPerRequest => (Cpu + DatabaseCpu).TotalMilliseconds / Math.Max(1, Accepted);

    public double DatabaseCpuMsPerRequest => DatabaseCpu.TotalMilliseconds / Math.Max(1, Accepted);

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }

    public string Row(string database) =>
        $"| {database} | {Name} | {Clients} | {Accepted:N0} | {Failed} | {PerSecond:N0} | {Percentile(50):N1} | {Percentile(99):N1} | {CpuMsPerRequest:N2} | {DatabaseCpuMsPerRequest:N2} |";

    public const string Header = "| database | scenario | clients | accepted | failed | per second | p50 ms | p99 ms | CPU ms/request | of which PostgreSQL |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    /// <summary>
    /// Runs <paramref name="clients"/> loops at once until each has sent <paramref name="perClient"/>
    /// requests or the time is up; a request counts as accepted when <paramref name="send"/> says so.
    /// </summary>
    public static async Task<Measurement> RunAsync(CpuMeter cpu, string name, int clients, int perClient, TimeSpan limit, Func<int, int, Task<bool>> send)
    {
        var latencies = new List<double>[clients];
        int accepted = 0, failed = 0;
        var cpuBefore = cpu.Total();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(perClient);
            for (int i = 0; i < perClient && clock.Elapsed < limit; i++)
            {
                long start = Stopwatch.GetTimestamp();
                bool ok = await send(c, i);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Interlocked.Increment(ref ok ? ref accepted : ref failed);
            }
        })));
        clock.Stop();
        var cpuAfter = cpu.Total();
        return new Measurement(name, clients, accepted, failed, clock.Elapsed, cpuAfter.Own - cpuBefore.Own, cpuAfter.Database - cpuBefore.Database, latencies.SelectMany(l => l).ToArray());
    }
}
