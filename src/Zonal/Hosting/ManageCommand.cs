using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zonal.Central;
using Zonal.Domain;
using Zonal.Storage;
using Zonal.Storage.Schema;

namespace Zonal.Hosting;

/// <summary>
/// `zonal manage db-sync [--database URL] [--data DIR]`: creates or upgrades the schema.
/// `zonal manage pool-update --file FILE [--delete] [--dry-run] [--database URL] [--data DIR]`: loads pools.yaml.
/// </summary>
public static class ManageCommand
{
    private const string Usage = "usage: zonal manage db-sync [--database URL] [--data DIR]\n"
        + "       zonal manage pool-update --file FILE [--delete] [--dry-run] [--database URL] [--data DIR]";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("db-sync" or "pool-update"))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var flags = args[1..].Where(a => a is "--delete" or "--dry-run").ToHashSet();
        var switches = args[1..].Where(a => !flags.Contains(a)).ToArray();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder();
        ZonalConfiguration.AddSources(configuration, switches, null);
        var built = configuration.Build();
        var options = ZonalConfiguration.Bind(built);
        var database = ZonalConfiguration.Database(options);
        // pool-update may rewrite zones: their serial changes go to the IXFR journal as in the service.
        var builder = new DbContextOptionsBuilder<ZonalDbContext>().AddInterceptors(new ZoneJournalWriter(TimeProvider.System));
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            builder.UseNpgsql(database.ConnectionString);
        }
        else
        {
            builder.UseSqlite(database.ConnectionString);
        }

        await using var db = new ZonalDbContext(builder.Options);
        var applied = await SchemaMigrator.MigrateAsync(db, database.Provider);
        Console.WriteLine($"database schema is current ({applied} migration(s) applied)");
        if (args[0] == "db-sync")
        {
            return 0;
        }

        var file = built["file"];
        if (string.IsNullOrEmpty(file))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        try
        {
            var pools = PoolsFile.Parse(await File.ReadAllTextAsync(file));
            var managed = new ManagedRecords(db, Options.Create(options));
            var nameServers = new ApexNameServers(db, new ZoneChangeRecorder(db, database, managed, TimeProvider.System), managed);
            var loader = new PoolLoader(db, new WriteTransactions(db, database, new SqliteWriteGate()), TimeProvider.System, nameServers, new CatalogZones(db));
            foreach (var change in await loader.ApplyAsync(pools, flags.Contains("--delete"), flags.Contains("--dry-run"), CancellationToken.None))
            {
                Console.WriteLine(flags.Contains("--dry-run") ? "dry run: " + change : change);
            }

            return 0;
        }
        catch (ServiceError e)
        {
            await Console.Error.WriteLineAsync($"pool-update failed: {e.Detail ?? e.Type}");
            return 1;
        }
    }
}
