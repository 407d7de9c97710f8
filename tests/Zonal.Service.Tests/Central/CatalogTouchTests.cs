using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Zonal.Central;
using Zonal.Domain;
using Zonal.Service.Tests.Infrastructure;
using Zonal.Storage;

namespace Zonal.Service.Tests.Central;

/// <summary>
/// A member's create or delete moves its pool's catalog serial; a pool without a catalog, which is most
/// pools, costs no statement for it once its row was read, and no write even when it was not.
/// </summary>
public sealed class CatalogTouchTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("zonal-touch-").FullName;
    private readonly StatementLog _statements = new();
    private DatabaseTarget _target = null!;

    public async Task InitializeAsync()
    {
        _target = DatabaseTarget.ForSqliteFile(Path.Combine(_dir, "zonal.db"));
        await DirectContexts.MigrateAsync(_target);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_pool_without_a_catalog_is_touched_without_any_statement_once_its_row_was_read()
    {
        await using var db = DirectContexts.Create(_target, _statements);
        var pool = await AddPoolAsync(db, catalog: null);
        var catalogs = new CatalogZones(db);
        catalogs.Remember(pool.Id, pool.CatalogZone);
        _statements.Clear();

        await catalogs.TouchAsync(pool.Id, Now, CancellationToken.None);

        Assert.Empty(_statements.Texts);
    }

    [Fact]
    public async Task A_pool_without_a_catalog_not_yet_read_costs_one_read_and_no_update()
    {
        await using var db = DirectContexts.Create(_target, _statements);
        var pool = await AddPoolAsync(db, catalog: null);
        var catalogs = new CatalogZones(db);
        _statements.Clear();

        await catalogs.TouchAsync(pool.Id, Now, CancellationToken.None);
        await catalogs.TouchAsync(pool.Id, Now, CancellationToken.None);

        var read = Assert.Single(_statements.Texts);
        Assert.StartsWith("SELECT", read.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pool_with_a_catalog_moves_its_serial_on_every_touch()
    {
        await using var db = DirectContexts.Create(_target, _statements);
        var pool = await AddPoolAsync(db, catalog: "catalog-" + Guid.NewGuid().ToString("N")[..8] + ".example.");
        var catalogs = new CatalogZones(db);
        Assert.NotNull(await catalogs.ApplyAsync(pool, new PoolCatalogZone(pool.CatalogZone!, 60), Now, CancellationToken.None));
        await db.SaveChangesAsync();
        var before = await SerialAsync(db, pool.Id);

        await catalogs.TouchAsync(pool.Id, Now, CancellationToken.None);
        await catalogs.TouchAsync(pool.Id, Now, CancellationToken.None);

        Assert.Equal(before + 2, await SerialAsync(db, pool.Id));
    }

    private static async Task<PoolRow> AddPoolAsync(ZonalDbContext db, string? catalog)
    {
        var pool = new PoolRow { Id = Guid.NewGuid(), Name = "touch-" + Guid.NewGuid().ToString("N"), CatalogZone = catalog, CreatedAt = Now };
        db.Pools.Add(pool);
        await db.SaveChangesAsync();
        return pool;
    }

    private static Task<long> SerialAsync(ZonalDbContext db, Guid poolId) =>
        db.Zones.AsNoTracking().Where(z => z.PoolId == poolId && z.Type == ZoneType.Catalog && z.DeletedAt == null).Select(z => z.Serial).SingleAsync();

    /// <summary>The text of every statement the context sends.</summary>
    private sealed class StatementLog : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public IReadOnlyCollection<string> Texts => _texts;

        public void Clear() => _texts.Clear();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
