using System.Diagnostics;
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

    // Under a burst of writes one pass per window covers them all: each zone is propagated once at its
    // latest serial instead of once per write, so a busy zone costs one status update per window. While
    // more than one commit comes between two passes the window widens: each propagation and status report
    // costs about as much as a write, so at hundreds of writes a second fewer of them is most of the CPU
    // (bench/README "Write path, fifth pass"); a lone writer keeps the short window.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan BurstGather = TimeSpan.FromMilliseconds(150);
    private readonly Dictionary<(Guid Zone, long Serial, string Action), DateTime> _sent = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long lastPass = 0;
        var gather = Gather;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(Poll, stoppingToken);
                var sinceLast = Stopwatch.GetElapsedTime(lastPass);
                if (sinceLast < gather)
                {
                    await Task.Delay(gather - sinceLast, stoppingToken);
                }

                lastPass = Stopwatch.GetTimestamp();
                gather = GatherAfter(signal.TakeCommits());
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

    /// <summary>The window before the next pass, by the commits that came since the last one.</summary>
    public static TimeSpan GatherAfter(int commits) => commits > 1 ? BurstGather : Gather;

    private async Task RelayAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZonalDbContext>();
        var pending = await db.Outbox.AsNoTracking().Where(o => o.ProcessedAt == null)
            .GroupBy(o => o.ZoneId)
            .Select(g => g.OrderByDescending(o => o.Id).First())
            .ToListAsync(ct);
        if (pending.Count == 0)
        {
            return;
        }

        // The pools of all pending zones in one query, not one per zone.
        var zoneIds = pending.Select(o => o.ZoneId).ToList();
        var pools = await db.Zones.Where(z => zoneIds.Contains(z.Id)).Select(z => new { z.Id, z.PoolId }).ToDictionaryAsync(z => z.Id, z => z.PoolId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in pending)
        {
            var key = (row.ZoneId, row.Serial, row.Action);
            if (_sent.TryGetValue(key, out var at) && now - at < Resend)
            {
                continue;
            }

            _sent[key] = now;
            await bus.CastAsync(new PropagateZone(row.ZoneId, pools.GetValueOrDefault(row.ZoneId), row.Action, row.Serial, row.HardDelete), ct);
        }

        foreach (var stale in _sent.Where(s => now - s.Value > 4 * Resend).Select(s => s.Key).ToList())
        {
            _sent.Remove(stale);
        }
    }
}
