using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Zonal.Dns;
using Zonal.Dns.ZoneFiles;

namespace Zonal.Bench;

/// <summary>
/// Reading a generated zone of mixed record types, beside BIND's named-checkzone on the same file
/// run as a whole process. Each invocation reads the whole file once, so a mean over
/// <see cref="Records"/> gives the per-record cost and the Allocated column the bytes per record.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ZoneReadBenchmarks
{
    private string _path = "";

    [Params(1_000_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup() => _path = ZoneFileGenerator.EnsureFile(Records);

    [Benchmark(Baseline = true, Description = "named-checkzone -i local (process)")]
    public int NamedCheckzone()
    {
        // -i local: the generated MX and SRV targets lie outside the zone, and this machine has no
        // resolver; without it named-checkzone waits on lookups instead of reading.
        var start = new ProcessStartInfo("named-checkzone", ["-q", "-i", "local", ZoneFileGenerator.Origin, _path]);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0 ? Records : throw new InvalidOperationException("named-checkzone rejected the zone");
    }

    [Benchmark(Description = "ZoneReader.Read (sync stream)")]
    public int ReadSync()
    {
        using var reader = ZoneReader.Open(_path);
        int count = 0;
        while (reader.Read() is not null)
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "ZoneReader.ReadAllAsync (async stream)")]
    public async Task<int> ReadAsync()
    {
        await using var reader = ZoneReader.Open(_path);
        int count = 0;
        await foreach (var _ in reader.ReadAllAsync())
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "ZoneChecker.CheckAsync (read + all checks)")]
    public async Task<int> Check()
    {
        await using var reader = ZoneReader.Open(_path);
        var result = await ZoneChecker.CheckAsync(reader, DnsName.Parse(ZoneFileGenerator.Origin));
        return result.HasErrors ? throw new InvalidOperationException(result.Summary()) : result.Records;
    }
}
