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
        var now = Clock.GetUtcNow().UtcDateTime;
        // Refresh differs per zone, so the comparison is made here; a zone is a few fields.
        var zones = await db.Zones.AsNoTracking()
            .Where(z => z.DeletedAt == null && z.Type == ZoneType.Secondary && z.Action != ChangeAction.Delete && z.TransferredAt != null)
            .Select(z => new { z.Id, z.TransferredAt, z.Refresh })
            .ToListAsync(ct);
        var due = zones.Where(z => z.TransferredAt!.Value.AddSeconds(z.Refresh) < now).ToList();
        foreach (var zone in due)
        {
            await bus.CastAsync(new TransferZone(zone.Id, TransferCondition.MasterNewer), ct);
        }

        if (due.Count > 0)
        {
            logger.LogInformation("secondary refresh asked the masters of {Count} zones for a newer serial", due.Count);
        }

        return due.Count;
    }
}
