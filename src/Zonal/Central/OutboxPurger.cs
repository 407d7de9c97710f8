using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Hosting;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Keeps the outbox from growing forever: every <see cref="CentralOptions.OutboxPurgeInterval"/> it deletes the
/// rows delivered longer than <see cref="CentralOptions.OutboxKeepDelivered"/> ago. Undelivered rows are never
/// touched: they are what the relay still owes the worker.
/// </summary>
public sealed class OutboxPurger(IServiceScopeFactory scopes, IOptions<ZonalOptions> options, TimeProvider clock, ILogger<OutboxPurger> logger)
    : PeriodicTask(options.Value.Central.OutboxPurgeInterval, clock, logger)
{
    // One delete per batch keeps each transaction (and SQLite's single writer) short under a large backlog.
    private const int BatchSize = 5000;

    protected override string Name => "outbox purge";

    protected override Task RunOnceAsync(CancellationToken ct) => PurgeAsync(ct);

    /// <summary>One purge; returns the number of delivered rows removed.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZonalDbContext>();
        var before = Clock.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(Math.Max(0, options.Value.Central.OutboxKeepDelivered));
        int removed = 0;
        int batch;
        do
        {
            batch = await db.Outbox
                .Where(o => o.ProcessedAt != null && o.ProcessedAt < before)
                .OrderBy(o => o.Id)
                .Take(BatchSize)
                .ExecuteDeleteAsync(ct);
            removed += batch;
        }
        while (batch == BatchSize);

        if (removed > 0)
        {
            logger.LogInformation("outbox purged: {Removed} rows delivered before {Before:O} removed", removed, before);
        }

        return removed;
    }
}
