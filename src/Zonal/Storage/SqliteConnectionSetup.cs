using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Zonal.Storage;

/// <summary>
/// Per-connection SQLite settings. In WAL mode synchronous=NORMAL cannot corrupt the database; a power
/// cut may lose the last commits, which the embedded default accepts for one fsync less per write.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
