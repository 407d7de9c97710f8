using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Hosting;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Keeps zone_journal from growing forever: every <see cref="CentralOptions.JournalPruneInterval"/> it drops
/// all but each zone's last <see cref="CentralOptions.JournalKeepPerZone"/> changes, and the changes of zones
/// purged from storage. MiniDNS answers an IXFR from a pruned serial with AXFR (the journal no longer leads there).
/// </summary>
public sealed class ZoneJournalPruner(IServiceScopeFactory scopes, IOptions<ZonalOptions> options, TimeProvider clock, ILogger<ZoneJournalPruner> logger)
    : PeriodicTask(options.Value.Central.JournalPruneInterval, clock, logger)
{
    protected override string Name => "zone journal prune";

    protected override Task RunOnceAsync(CancellationToken ct) => PruneAsync(ct);

    /// <summary>One prune; returns the number of journal entries removed.</summary>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZonalDbContext>();
        int keep = Math.Max(0, options.Value.Central.JournalKeepPerZone);
        // Plain SQL both databases run: window functions exist in SQLite since 3.25 and in PostgreSQL.
        int removed = await db.Database.ExecuteSqlAsync(
            $"""
            DELETE FROM zone_journal WHERE id IN (
                SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY zone_id ORDER BY id DESC) AS newer FROM zone_journal) AS ranked
                WHERE newer > {keep})
            OR zone_id NOT IN (SELECT id FROM zones)
            """, ct);
        if (removed > 0)
        {
            logger.LogInformation("zone journal pruned: {Removed} entries removed, the last {Keep} changes of each zone kept", removed, keep);
        }

        return removed;
    }
}
