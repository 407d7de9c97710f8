using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Worker;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Hands committed outbox rows to the worker: one cast per zone with its latest serial. Rows stay
/// until the worker's status report marks them done, so a change lost in flight is sent again.
/// </summary>
public sealed class OutboxRelay(IServiceScopeFactory scopes, IMessageBus bus, OutboxSignal signal, TimeProvider clock, ILogger<OutboxRelay> logger)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Resend = TimeSpan.FromSeconds(30);
    private readonly Dictionary<(Guid Zone, long Serial, string Action), DateTime> _sent = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(Poll, stoppingToken);
                await RelayAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "outbox relay failed; retrying");
            }
        }
    }

    private async Task RelayAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZonalDbContext>();
        var pending = await db.Outbox.AsNoTracking().Where(o => o.ProcessedAt == null)
            .GroupBy(o => o.ZoneId)
            .Select(g => g.OrderByDescending(o => o.Id).First())
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in pending)
        {
            var key = (row.ZoneId, row.Serial, row.Action);
            if (_sent.TryGetValue(key, out var at) && now - at < Resend)
            {
                continue;
            }

            var poolId = await db.Zones.Where(z => z.Id == row.ZoneId).Select(z => z.PoolId).FirstOrDefaultAsync(ct);
            _sent[key] = now;
            await bus.CastAsync(new PropagateZone(row.ZoneId, poolId, row.Action, row.Serial, row.HardDelete), ct);
        }

        foreach (var stale in _sent.Where(s => now - s.Value > 4 * Resend).Select(s => s.Key).ToList())
        {
            _sent.Remove(stale);
        }
    }
}
