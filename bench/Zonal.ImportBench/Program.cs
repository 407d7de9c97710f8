using System.Diagnostics;
using System.Globalization;
using Zonal.Bench;
using Zonal.ImportBench;
using Zonal.Service.Tests.Infrastructure;

// dotnet run -c Release --project bench/Zonal.ImportBench -- [records] [runs]
// Imports the generated zone (ZoneFileGenerator) into a fresh SQLite file and a fresh PostgreSQL
// database, each run under a new origin; bench/README.md has the results.
int records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var text = File.ReadAllText(ZoneFileGenerator.EnsureFile(records));
Console.WriteLine($"zone file: {records:N0} records, {text.Length / 1024.0 / 1024.0:F1} MiB of text");

var sqliteFolder = Directory.CreateTempSubdirectory("zonal-import-bench-").FullName;
var databases = new (string Name, Func<string> Create)[]
{
    ("SQLite", () => $"sqlite:Data Source={Path.Combine(sqliteFolder, "zonal.db")}"),
    ("PostgreSQL", () => "postgresql:" + PostgresCluster.Instance.CreateDatabase()),
};
try
{
    foreach (var (name, create) in databases)
    {
        await using var run = new ImportRun(create());
        await run.StartAsync();
        for (int i = 0; i <= runs; i++)
        {
            // Each run is a new zone: the same records under another origin.
            var origin = $"run{i}.{ZoneFileGenerator.Origin}";
            var zoneFile = text.Replace(ZoneFileGenerator.Origin, origin, StringComparison.Ordinal);
            GC.Collect();
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            var (elapsed, zoneId) = await run.ImportAsync(zoneFile);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            var active = await run.WaitActiveAsync(zoneId);
            var memory = GC.GetGCMemoryInfo();
            string label = i == 0 ? "warm-up" : $"run {i}";
            Console.WriteLine(
                $"{name,-10} {label,-8} {elapsed.TotalSeconds,6:F2} s  {records / elapsed.TotalSeconds,9:N0} records/s  "
                + $"allocated {allocated / 1024.0 / 1024.0,7:N0} MiB  peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0,6:N0} MiB  "
                + $"heap after {memory.HeapSizeBytes / 1024.0 / 1024.0,5:N0} MiB  then ACTIVE after {active.TotalSeconds,5:F1} s");
        }
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(sqliteFolder, recursive: true);
}
