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
/// Designate's worker_periodic_recovery: every recovery_interval, zones in ERROR, and zones PENDING
/// for longer than a propagation can take, are sent to the worker again with their current action
/// and serial; a SECONDARY zone that never got its first transfer is transferred instead. (The producer
/// will shard this later; one loop serves a single process.)
/// </summary>
public sealed class RecoveryLoop(IServiceScopeFactory scopes, IMessageBus bus, IOptions<ZonalOptions> options, TimeProvider clock, ILogger<RecoveryLoop> logger)
    : PeriodicTask(options.Value.Worker.RecoveryInterval, clock, logger)
{
    private const int BatchSize = 100;

    protected override string Name => "zone recovery";

    protected override Task RunOnceAsync(CancellationToken ct) => RecoverAsync(ct);

    public async Task<int> RecoverAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZonalDbContext>();
        var stuckBefore = Clock.GetUtcNow().UtcDateTime - options.Value.Worker.MaxPropagationTime();
        var zones = await db.Zones.AsNoTracking()
            .Where(z => z.DeletedAt == null && (z.Status == Status.Error || z.Status == Status.Pending && (z.UpdatedAt ?? z.CreatedAt) < stuckBefore))
            .OrderBy(z => z.UpdatedAt ?? z.CreatedAt)
            .Take(BatchSize)
            .Select(z => new { z.Id, z.PoolId, z.Action, z.Serial, FirstTransferDue = z.Type == ZoneType.Secondary && z.TransferredAt == null && z.Action != ChangeAction.Delete })
            .ToListAsync(ct);
        foreach (var zone in zones)
        {
            if (zone.FirstTransferDue)
            {
                await bus.CastAsync(new TransferZone(zone.Id), ct);
                continue;
            }

            var action = zone.Action == ChangeAction.None ? ChangeAction.Update : zone.Action;
            await bus.CastAsync(new PropagateZone(zone.Id, zone.PoolId, action, zone.Serial), ct);
        }

        if (zones.Count > 0)
        {
            logger.LogInformation("recovery sent {Count} zones in ERROR or stuck PENDING to the worker again", zones.Count);
        }

        return zones.Count;
    }
}
