using Microsoft.EntityFrameworkCore;
using Zonal.Storage;
using Zonal.Storage.Schema;

namespace Zonal.Hosting;

/// <summary>`zonal manage db-sync [--database URL] [--data DIR]`: creates or upgrades the schema.</summary>
public static class ManageCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "db-sync")
        {
            await Console.Error.WriteLineAsync("usage: zonal manage db-sync [--database URL] [--data DIR]");
            return 2;
        }

        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder();
        ZonalConfiguration.AddSources(configuration, args[1..], null);
        var database = ZonalConfiguration.Database(ZonalConfiguration.Bind(configuration.Build()));
        var builder = new DbContextOptionsBuilder<ZonalDbContext>();
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
        return 0;
    }
}
