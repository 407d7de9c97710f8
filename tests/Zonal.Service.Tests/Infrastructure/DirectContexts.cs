using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Zonal.Storage;
using Zonal.Storage.Schema;

namespace Zonal.Service.Tests.Infrastructure;

/// <summary>A <see cref="ZonalDbContext"/> on a database of a test's own, without the service around it.</summary>
public static class DirectContexts
{
    public static ZonalDbContext Create(DatabaseTarget target, params IInterceptor[] interceptors)
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

        return new ZonalDbContext(builder.AddInterceptors(interceptors).Options);
    }

    /// <summary>Applies the schema scripts up to <paramref name="lastVersion"/>; returns how many ran.</summary>
    public static async Task<int> MigrateAsync(DatabaseTarget target, int lastVersion = int.MaxValue)
    {
        await using var db = Create(target);
        return await SchemaMigrator.MigrateAsync(db, target.Provider, lastVersion: lastVersion);
    }
}
