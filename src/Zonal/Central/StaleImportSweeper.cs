using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Hosting;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Ends zone imports that can no longer finish: the zone file lives only in the memory of the process that
/// accepted it, so an import cut off by a restart would stay PENDING forever. At start and every
/// <see cref="CentralOptions.ImportCheckInterval"/>, imports PENDING longer than
/// <see cref="CentralOptions.ImportTimeout"/> turn ERROR with a message saying to import again.
/// </summary>
public sealed class StaleImportSweeper(IServiceScopeFactory scopes, IOptions<ZonalOptions> options, TimeProvider clock, ILogger<StaleImportSweeper> logger)
    : PeriodicTask(options.Value.Central.ImportCheckInterval, clock, logger)
{
    protected override string Name => "stale zone import check";

    protected override bool RunsAtStart => true;

    protected override Task RunOnceAsync(CancellationToken ct) => SweepAsync(ct);

    /// <summary>One check; returns the number of imports ended in ERROR.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZonalDbContext>();
        double timeout = Math.Max(0, options.Value.Central.ImportTimeout);
        var now = Clock.GetUtcNow().UtcDateTime;
        var before = now - TimeSpan.FromSeconds(timeout);
        var message = $"The zone import did not finish within {timeout.ToString(CultureInfo.InvariantCulture)} seconds (the service was restarted while it ran); import the zone file again.";

        // One conditional update: an import that completes meanwhile is no longer PENDING and is left alone.
        int failed = await db.ZoneTasks
            .Where(t => t.Kind == ZoneTaskKind.Import && t.Status == Status.Pending && t.CreatedAt < before)
            .ExecuteUpdateAsync(
                t => t.SetProperty(x => x.Status, Status.Error)
                    .SetProperty(x => x.Message, message)
                    .SetProperty(x => x.Version, x => x.Version + 1)
                    .SetProperty(x => x.UpdatedAt, now),
                ct);
        if (failed > 0)
        {
            logger.LogWarning("{Count} zone imports PENDING since before {Before:O} ended in ERROR: their run was cut off", failed, before);
        }

        return failed;
    }
}
