using Npgsql;
using Zonal.Load;
using Zonal.Service.Tests.Infrastructure;

// Control-plane load over real HTTP: recordset creates with 1 and 8 clients, then GET /v2/zones
// with 10,000 zones present, on SQLite and on a throwaway PostgreSQL cluster on loopback.
var options = LoadOptions.Parse(args);
Console.WriteLine($"# zonal load, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, " +
    $"{options.Writes} writes/client or {options.Seconds} s, {options.Zones:N0} zones, postgres fsync {(options.Fsync ? "on" : "off")}" +
    (options.WithoutRelay ? ", WITHOUT the outbox relay and status updates" : ""));
Console.WriteLine(Measurement.Header);
foreach (var database in options.Databases)
{
    bool sqlite = database == "sqlite";
    var connection = sqlite
        ? "sqlite:///" + Path.Combine(Directory.CreateTempSubdirectory("zonal-load-").FullName, "zonal.db")
        : "postgresql:" + PostgresDatabase(options.Fsync);
    await using var host = await LoadHost.StartAsync(connection, options.WithoutRelay);
    var cpu = new CpuMeter(sqlite ? null : PostgresCluster.Instance.Port);
    await Scenarios.RunAsync(host.BaseAddress, cpu, options, measurement => Console.WriteLine(measurement.Row(database)),
        () => options.Analyze && !sqlite ? AnalyzeAsync(connection["postgresql:".Length..]) : Task.CompletedTask);

    if (sqlite)
    {
        Directory.Delete(Path.GetDirectoryName(connection["sqlite:///".Length..])!, recursive: true);
    }
}

// Fresh statistics, as autovacuum keeps them in a database that has run for a while: the warm-up grew the
// tables from empty, and a statement planned on the old statistics may be planned again mid-run.
static async Task AnalyzeAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("ANALYZE", connection);
    await command.ExecuteNonQueryAsync();
    Console.WriteLine("# ANALYZE after the warm-up");
}

static string PostgresDatabase(bool fsync)
{
    var cluster = PostgresCluster.Instance;
    if (fsync)
    {
        // The test cluster starts with fsync off; this cluster is the benchmark's own, so turn it on.
        using var admin = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        admin.Open();
        using var command = new NpgsqlCommand("ALTER SYSTEM SET fsync = on; SELECT pg_reload_conf();", admin);
        command.ExecuteNonQuery();
    }

    return cluster.CreateDatabase();
}
