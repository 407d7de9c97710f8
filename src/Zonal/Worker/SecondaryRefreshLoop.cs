using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Hosting;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Worker;
using Zonal.Storage;

namespace Zonal.Worker;

/// <summary>
/// Designate's periodic_secondary_refresh (contract §10): every SecondaryRefreshInterval, SECONDARY
/// zones transferred longer ago than their SOA refresh ask their masters for a newer serial.
/// </summary>
public sealed class SecondaryRefreshLoop(IServiceScopeFactory scopes, IMessageBus bus, IOptions<ZonalOptions> options, TimeProvider clock, ILogger<SecondaryRefreshLoop> logger)
    : PeriodicTask(options.Value.Worker.SecondaryRefreshInterval, clock, logger)
{
    protected override string Name => "secondary zone refresh";

    protected override Task RunOnceAsync(CancellationToken ct) => RefreshAsync(ct);

    /// <summary>Sends the zones that are due; returns how many.</summary>
    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZonalDbContext>();
        var due = await Due(db.Zones, Clock.GetUtcNow().UtcDateTime).ToListAsync(ct);
        foreach (var zoneId in due)
        {
            await bus.CastAsync(new TransferZone(zoneId, TransferCondition.MasterNewer), ct);
        }

        if (due.Count > 0)
        {
            logger.LogInformation("secondary refresh asked the masters of {Count} zones for a newer serial", due.Count);
        }

        return due.Count;
    }

    /// <summary>
    /// The ids of the live SECONDARY zones whose last transfer is older than their SOA refresh. The
    /// comparison runs in the database, so a refresh round reads only the zones that are due.
    /// </summary>
    public static IQueryable<Guid> Due(IQueryable<ZoneRow> zones, DateTime now) =>
        zones.Where(z => z.DeletedAt == null && z.Type == ZoneType.Secondary && z.Action != ChangeAction.Delete
                && z.TransferredAt != null && z.TransferredAt.Value.AddSeconds(z.Refresh) < now)
            .Select(z => z.Id);
}
