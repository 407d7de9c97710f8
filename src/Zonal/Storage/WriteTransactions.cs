using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Zonal.Storage;

/// <summary>
/// Starts the transaction of one write. SQLite admits one writer at a time and its driver answers a
/// busy database by sleeping 150 ms, so writers of this process queue on an async gate instead.
/// </summary>
public sealed class WriteTransactions(ZonalDbContext db, DatabaseTarget database, SqliteWriteGate gate)
{
    public async Task<WriteTransaction> BeginAsync(CancellationToken ct)
    {
        bool gated = database.Provider == DatabaseProvider.Sqlite;
        if (gated)
        {
            await gate.Semaphore.WaitAsync(ct);
        }

        try
        {
            return new WriteTransaction(await db.Database.BeginTransactionAsync(ct), gated ? gate : null);
        }
        catch
        {
            if (gated)
            {
                gate.Semaphore.Release();
            }

            throw;
        }
    }
}

/// <summary>The one SQLite writer slot of this process.</summary>
public sealed class SqliteWriteGate
{
    public SemaphoreSlim Semaphore { get; } = new(1, 1);
}

/// <summary>A write transaction; disposing it without commit rolls back, and frees the writer slot.</summary>
public sealed class WriteTransaction(IDbContextTransaction transaction, SqliteWriteGate? gate) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            gate?.Semaphore.Release();
        }
    }
}
