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
        Assert.Equal(0, await DirectContexts.MigrateAsync(DatabaseTarget.ForSqliteFile(Path.Combine(dir, "zonal.db"))));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true);
    }

    [Fact]
    public async Task Db_sync_applies_every_script_once_on_postgresql()
    {
        var database = "postgresql:" + PostgresCluster.Instance.CreateDatabase();
        Assert.Equal(0, await ManageCommand.RunAsync(["db-sync", "--database", database]));
        Assert.Equal(0, await DirectContexts.MigrateAsync(DatabaseTarget.Parse(database)));
    }

    [Fact]
    public async Task Zones_created_before_0010_get_their_reversed_name_on_sqlite()
    {
        var dir = Directory.CreateTempSubdirectory("zonal-0010-").FullName;
        await ReversesExistingNamesAsync(DatabaseTarget.ForSqliteFile(Path.Combine(dir, "zonal.db")));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task Zones_created_before_0010_get_their_reversed_name_on_postgresql() =>
        await ReversesExistingNamesAsync(DatabaseTarget.Parse("postgresql:" + PostgresCluster.Instance.CreateDatabase()));

    private static async Task ReversesExistingNamesAsync(DatabaseTarget target)
    {
        await DirectContexts.MigrateAsync(target, lastVersion: 9);
        await using (var db = DirectContexts.Create(target))
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO zones (id, project_id, pool_id, name, email, ttl, serial, refresh, retry, expire, minimum,
                    status, action, type, masters, attributes, version, created_at)
                VALUES ('0b1e9b5c-3f3c-4b55-9d2e-6a1f0c1d2e3f', 'p', '794ccc2c-d751-44fe-b57f-8894c9f5c842', 'Sub.Example.ORG.',
                    'h.example.org.', 3600, 1, 3600, 600, 86400, 300, 'ACTIVE', 'NONE', 'PRIMARY', '[]', '{{}}', 1, '2026-01-01 00:00:00')
                """);
        }

        // 0010 alone (later migrations would change the count), then the rest.
        Assert.Equal(1, await DirectContexts.MigrateAsync(target, lastVersion: 10));
        await DirectContexts.MigrateAsync(target);
        await using var check = DirectContexts.Create(target);
        var zone = await check.Zones.SingleAsync();
        Assert.Equal(".gro.elpmaxe.bus", zone.ReversedName);
        Assert.Equal(ZoneRow.Reverse(zone.Name), zone.ReversedName);
    }

    [Fact]
    public async Task Zones_written_before_0012_get_their_content_counted_on_sqlite()
    {
        var dir = Directory.CreateTempSubdirectory("zonal-0012-").FullName;
        await CountsExistingContentAsync(DatabaseTarget.ForSqliteFile(Path.Combine(dir, "zonal.db")));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task Zones_written_before_0012_get_their_content_counted_on_postgresql() =>
        await CountsExistingContentAsync(DatabaseTarget.Parse("postgresql:" + PostgresCluster.Instance.CreateDatabase()));

    /// <summary>Two zones with sets and records (one record pending deletion, not live) written before 0012.</summary>
    private static async Task CountsExistingContentAsync(DatabaseTarget target)
    {
        await DirectContexts.MigrateAsync(target, lastVersion: 11);
        Guid[] zones = [Guid.NewGuid(), Guid.NewGuid()];
        await using (var db = DirectContexts.Create(target))
        {
            // Raw SQL: the EF model may already map columns of later scripts.
            foreach (var zone in zones)
            {
                var name = zone + ".example.org.";
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO zones (id, project_id, pool_id, name, email, ttl, serial, refresh, retry, expire, minimum,
                        status, action, type, masters, attributes, version, created_at)
                    VALUES ({zone}, 'p', {zone}, {name}, 'h.example.org.', 3600, 1, 3600, 600, 86400, 300, 'ACTIVE', 'NONE', 'PRIMARY',
                        '[]', '[]', 1, '2026-01-01 00:00:00')
                    """);
            }

            await InsertSetAsync(db, zones[0], "a", "NONE", "DELETE", "NONE");
            await InsertSetAsync(db, zones[0], "b", "CREATE");
            await InsertSetAsync(db, zones[1], "c", "UPDATE");
        }

        Assert.Equal(1, await DirectContexts.MigrateAsync(target, lastVersion: 12));
        await using var check = DirectContexts.Create(target);
        var counts = await check.ZoneContentCounts.ToDictionaryAsync(c => c.ZoneId);
        Assert.Equal((2L, 3L), (counts[zones[0]].Recordsets, counts[zones[0]].Records));
        Assert.Equal((1L, 1L), (counts[zones[1]].Recordsets, counts[zones[1]].Records));
    }

    /// <summary>An A record set with one record per action given.</summary>
    private static async Task InsertSetAsync(ZonalDbContext db, Guid zoneId, string label, params string[] actions)
    {
        var setId = Guid.NewGuid();
        var name = $"{label}.{zoneId}.example.org.";
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO recordsets (id, zone_id, project_id, name, type, managed, version, created_at)
            VALUES ({setId}, {zoneId}, 'p', {name}, 'A', false, 1, '2026-01-01 00:00:00')
            """);
        for (int i = 0; i < actions.Length; i++)
        {
            var (id, data, action) = (Guid.NewGuid(), $"192.0.2.{i + 1}", actions[i]);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO records (id, recordset_id, zone_id, data, managed, status, action, serial, version, created_at)
                VALUES ({id}, {setId}, {zoneId}, {data}, false, 'ACTIVE', {action}, 1, 1, '2026-01-01 00:00:00')
                """);
        }
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

    [Fact]
    public async Task Pools_with_a_catalog_zone_before_0018_get_its_name_on_sqlite()
    {
        var dir = Directory.CreateTempSubdirectory("zonal-0018-").FullName;
        await NamesExistingCatalogsAsync(DatabaseTarget.ForSqliteFile(Path.Combine(dir, "zonal.db")));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task Pools_with_a_catalog_zone_before_0018_get_its_name_on_postgresql() =>
        await NamesExistingCatalogsAsync(DatabaseTarget.Parse("postgresql:" + PostgresCluster.Instance.CreateDatabase()));

    /// <summary>A pool with a live catalog zone and one whose catalog was deleted, written before 0018.</summary>
    private static async Task NamesExistingCatalogsAsync(DatabaseTarget target)
    {
        await DirectContexts.MigrateAsync(target, lastVersion: 17);
        Guid withCatalog = Guid.NewGuid(), withDeletedCatalog = Guid.NewGuid();
        await using (var db = DirectContexts.Create(target))
        {
            foreach (var (pool, catalog, deletedAt) in new[] { (withCatalog, "catalog.example.", (DateTime?)null), (withDeletedCatalog, "gone.example.", new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc)) })
            {
                var poolName = pool.ToString("N");
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO pools (id, name, attributes, ns_records, nameservers, targets, also_notifies, created_at)
                    VALUES ({pool}, {poolName}, '[]', '[]', '[]', '[]', '[]', '2026-01-01 00:00:00')
                    """);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO zones (id, project_id, pool_id, name, email, ttl, serial, refresh, retry, expire, minimum,
                        status, action, type, masters, attributes, version, created_at, deleted_at)
                    VALUES ({Guid.NewGuid()}, 'zonal-catalog', {pool}, {catalog}, 'hostmaster@invalid', 3600, 1, 3600, 600, 86400, 3600,
                        'ACTIVE', 'NONE', 'CATALOG', '[]', '[]', 1, '2026-01-01 00:00:00', {deletedAt})
                    """);
            }
        }

        Assert.Equal(1, await DirectContexts.MigrateAsync(target, lastVersion: 18));
        await using var check = DirectContexts.Create(target);
        var names = await check.Pools.Where(p => p.Id == withCatalog || p.Id == withDeletedCatalog).ToDictionaryAsync(p => p.Id, p => p.CatalogZone);
        Assert.Equal("catalog.example.", names[withCatalog]);
        Assert.Null(names[withDeletedCatalog]);
    }
}
