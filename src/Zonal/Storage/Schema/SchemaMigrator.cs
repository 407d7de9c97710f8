using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Zonal.Storage.Schema;

/// <summary>
/// Brings the database schema up to date from the versioned SQL scripts embedded next to this class
/// (<c>NNNN_name.provider.sql</c>). Each script runs once, in its own transaction, recorded in
/// <c>schema_version</c>; running it again is a no-op, so the embedded host can call it on every start.
/// </summary>
public static class SchemaMigrator
{
    /// <param name="lastVersion">Stop after this script (tests of a script's data changes); all by default.</param>
    public static async Task<int> MigrateAsync(ZonalDbContext db, DatabaseProvider provider, CancellationToken ct = default, int lastVersion = int.MaxValue)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers run beside the single writer that SQLite allows.
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", ct);
            }

            await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY)", ct);
            int applied = 0;
            foreach (var (version, sql) in Scripts(provider).Where(script => script.Version <= lastVersion))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                if (provider == DatabaseProvider.PostgreSql)
                {
                    // Two processes starting at once must not both apply the same script.
                    await ExecuteAsync(connection, tx, "SELECT pg_advisory_xact_lock(7418390)", ct);
                }

                // Each version is checked on its own, so scripts added on parallel branches all run.
                var done = await ScalarAsync(connection, tx, $"SELECT COUNT(*) FROM schema_version WHERE version = {version}", ct);
                if (done == 0)
                {
                    await ExecuteAsync(connection, tx, sql, ct);
                    await ExecuteAsync(connection, tx, $"INSERT INTO schema_version (version) VALUES ({version})", ct);
                    applied++;
                }

                await tx.CommitAsync(ct);
            }

            return applied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static IEnumerable<(int Version, string Sql)> Scripts(DatabaseProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var suffix = provider == DatabaseProvider.Sqlite ? ".sqlite.sql" : ".postgresql.sql";
        const string prefix = "Zonal.Storage.Schema.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix) && n.EndsWith(suffix)).Order())
        {
            var file = resource[prefix.Length..];
            var version = int.Parse(file[..file.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (version, reader.ReadToEnd());
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
