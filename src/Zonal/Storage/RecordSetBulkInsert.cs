using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Zonal.Storage;

/// <summary>
/// Writes many new record sets with their records inside the current transaction without EF's change
/// tracker, which costs far more than the rows themselves: PostgreSQL's binary COPY, or on SQLite
/// one prepared INSERT per table reused for every row. Values are stored as EF stores them.
/// </summary>
public sealed class RecordSetBulkInsert(ZonalDbContext db, DatabaseTarget database)
{
    private const string SetColumns = "id, zone_id, project_id, name, type, ttl, description, managed, version, created_at, updated_at";
    private const string RecordColumns = "id, recordset_id, zone_id, data, managed, status, action, serial, version, created_at, updated_at";

    public async Task InsertAsync(IReadOnlyList<RecordSetRow> sets, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("bulk inserts run inside a write transaction");
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            await CopyAsync((NpgsqlConnection)connection, sets, ct);
        }
        else
        {
            InsertSqlite(connection, transaction, sets);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<RecordSetRow> sets, CancellationToken ct)
    {
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY recordsets ({SetColumns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var set in sets)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(set.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(set.ZoneId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(set.ProjectId, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(set.Name, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(set.Type, NpgsqlDbType.Varchar, ct);
                await (set.Ttl is int ttl ? copy.WriteAsync(ttl, NpgsqlDbType.Integer, ct) : copy.WriteNullAsync(ct));
                await (set.Description is { } description ? copy.WriteAsync(description, NpgsqlDbType.Varchar, ct) : copy.WriteNullAsync(ct));
                await copy.WriteAsync(set.Managed, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(set.Version, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(set.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await WriteTimeAsync(copy, set.UpdatedAt, ct);
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync($"COPY records ({RecordColumns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var record in sets.SelectMany(s => s.Records))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(record.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(record.RecordSetId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(record.ZoneId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(record.Data, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(record.Managed, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(record.Status, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(record.Action, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(record.Serial, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(record.Version, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(record.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await WriteTimeAsync(copy, record.UpdatedAt, ct);
            }

            await copy.CompleteAsync(ct);
        }
    }

    private static Task WriteTimeAsync(NpgsqlBinaryImporter copy, DateTime? time, CancellationToken ct) =>
        time is DateTime value ? copy.WriteAsync(value, NpgsqlDbType.TimestampTz, ct) : copy.WriteNullAsync(ct);

    /// <summary>SQLite's driver is synchronous underneath; the rows go through two prepared statements.</summary>
    private static void InsertSqlite(DbConnection connection, DbTransaction transaction, IReadOnlyList<RecordSetRow> sets)
    {
        using var setInsert = Prepare(connection, transaction, "recordsets", SetColumns);
        using var recordInsert = Prepare(connection, transaction, "records", RecordColumns);
        foreach (var set in sets)
        {
            Execute(setInsert, Id(set.Id), Id(set.ZoneId), set.ProjectId, set.Name, set.Type, set.Ttl, set.Description, set.Managed ? 1 : 0, set.Version, Time(set.CreatedAt), Time(set.UpdatedAt));
            foreach (var record in set.Records)
            {
                Execute(recordInsert, Id(record.Id), Id(record.RecordSetId), Id(record.ZoneId), record.Data, record.Managed ? 1 : 0, record.Status, record.Action, record.Serial, record.Version, Time(record.CreatedAt), Time(record.UpdatedAt));
            }
        }
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string table, string columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = columns.Split(", ");
        command.CommandText = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", names.Select(n => "$" + n))})";
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$" + name;
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    private static void Execute(DbCommand command, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    // EF Core's SQLite mapping: GUIDs as upper-case text, times as text to the 100 ns tick.
    private static string Id(Guid id) => id.ToString("D").ToUpperInvariant();

    private static string? Time(DateTime? time) => time?.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
