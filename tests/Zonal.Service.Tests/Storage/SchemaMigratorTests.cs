using Microsoft.EntityFrameworkCore;
using Zonal.Hosting;
using Zonal.Service.Tests.Infrastructure;
using Zonal.Storage;
using Zonal.Storage.Schema;

namespace Zonal.Service.Tests.Storage;

public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task Db_sync_creates_the_sqlite_data_folder_and_is_idempotent()
    {
        var dir = Path.Combine(Directory.CreateTempSubdirectory("zonal-sync-").FullName, "data");
        Assert.Equal(0, await ManageCommand.RunAsync(["db-sync", "--data", dir]));
        Assert.True(File.Exists(Path.Combine(dir, "zonal.db")));
        Assert.Equal(0, await ManageCommand.RunAsync(["db-sync", "--data", dir]));
        Assert.Equal(0, await MigrateAsync(DatabaseTarget.ForSqliteFile(Path.Combine(dir, "zonal.db"))));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true);
    }

    [Fact]
    public async Task Db_sync_applies_every_script_once_on_postgresql()
    {
        var database = "postgresql:" + PostgresCluster.Instance.CreateDatabase();
        Assert.Equal(0, await ManageCommand.RunAsync(["db-sync", "--database", database]));
        Assert.Equal(0, await MigrateAsync(DatabaseTarget.Parse(database)));
    }

    [Fact]
    public void Database_urls_name_their_provider()
    {
        var pg = DatabaseTarget.Parse("postgresql://zonal:s%40cret@127.0.0.1:5433/dns");
        Assert.Equal(DatabaseProvider.PostgreSql, pg.Provider);
        Assert.Contains("Password=s@cret", pg.ConnectionString);
        Assert.Contains("Port=5433", pg.ConnectionString);
        Assert.Contains("Database=dns", pg.ConnectionString);
        Assert.Equal(DatabaseProvider.Sqlite, DatabaseTarget.Parse("sqlite:///tmp/x.db").Provider);
        Assert.Throws<ArgumentException>(() => DatabaseTarget.Parse("mysql://x"));
    }

    private static async Task<int> MigrateAsync(DatabaseTarget target)
    {
        var builder = new DbContextOptionsBuilder<ZonalDbContext>();
        if (target.Provider == DatabaseProvider.PostgreSql)
        {
            builder.UseNpgsql(target.ConnectionString);
        }
        else
        {
            builder.UseSqlite(target.ConnectionString);
        }

        await using var db = new ZonalDbContext(builder.Options);
        return await SchemaMigrator.MigrateAsync(db, target.Provider);
    }
}
