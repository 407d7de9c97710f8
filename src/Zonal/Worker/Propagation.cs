using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Central;
using Zonal.Messaging.Contracts.MiniDns;
using Zonal.Pools;

namespace Zonal.Worker;

/// <summary>
/// Carries one zone change through §8.3: backends on every target, the threshold, a NOTIFY to each
/// target (and the pool's also_notifies), serial polls of the nameservers, then the verdict to
/// central. A pool without targets has nothing to push: the change is reported done at once.
/// </summary>
public sealed class Propagation(TargetActions targets, SerialPolls polls, IMessageBus bus, IOptions<ZonalOptions> options, ILogger<Propagation> logger)
{
    private WorkerOptions Worker => options.Value.Worker;

    /// <param name="superseded">Cancelled when a newer change of the zone arrives: its polls give way.</param>
    public async Task RunAsync(ZoneChange change, CancellationToken superseded)
    {
        if (change.MovedFrom is not { } old)
        {
            await ReportAsync(change, await PushAsync(change, superseded));
            return;
        }

        // A pool_move: the new pool serves the zone first, so it is never served by neither pool;
        // only then does the old pool drop it. Both halves must hold for the move to count.
        var verdict = await PushAsync(PoolMoveSteps.IntoNewPool(change), superseded);
        if (verdict.Success)
        {
            var retired = await PushAsync(PoolMoveSteps.OutOfOldPool(change, old), superseded);
            if (!retired.Success)
            {
                verdict = new PollVerdict(retired.Outcome, change.Serial, "the new pool serves the zone but the old pool did not drop it: " + retired.Reason);
            }
        }

        await ReportAsync(change, verdict);
    }

    /// <summary>One pool's half of §8.3: its targets, the threshold, the NOTIFYs, then the serial polls.</summary>
    private async Task<PollVerdict> PushAsync(ZoneChange change, CancellationToken superseded)
    {
        if (change.Pool.Targets.Count == 0)
        {
            return new PollVerdict(PollOutcome.Success, change.Serial, "the pool has no targets");
        }

        if (change.Pool.CatalogZone is { } catalog && change.Action is ChangeAction.Create or ChangeAction.Delete)
        {
            // RFC 9432: the targets add and drop member zones as the catalog tells them; no backend call.
            Task NotifyCatalogAsync() => NotifyChangeAsync(change, catalog);
            await NotifyCatalogAsync();
            return await polls.PollAsync(change, NotifyCatalogAsync, superseded);
        }

        // Backend calls finish even when superseded: a half-made change on a nameserver helps nobody.
        var failures = await targets.ApplyAsync(change, CancellationToken.None);
        if (!targets.MeetsThreshold(change.Pool.Targets.Count, failures.Count))
        {
            await NotifyAsync(change.Pool.AlsoNotifies, change);
            return new PollVerdict(PollOutcome.Error, change.Serial,
                $"{failures.Count} of {change.Pool.Targets.Count} targets failed {change.Action}, below threshold {Worker.ThresholdPercentage}%: {string.Join("; ", failures)}");
        }

        foreach (var failure in failures)
        {
            logger.LogWarning("zone {Zone} {Action}: a target failed but the threshold holds: {Failure}", change.ZoneName, change.Action, failure);
        }

        Task NotifyZoneAsync() => NotifyChangeAsync(change, null);
        await NotifyZoneAsync();
        return await polls.PollAsync(change, NotifyZoneAsync, superseded);
    }

    /// <summary>
    /// Step 2's NOTIFYs, sent again by the polls while the change is not served: the pool's catalog first when
    /// it has one; the zone itself to every target unless it is being deleted — in a catalog pool too, so a
    /// target that added the zone at an earlier serial (a write came while the create was pending) refreshes
    /// now, while one that has not added it yet ignores it; then the pool's also_notifies.
    /// </summary>
    private async Task NotifyChangeAsync(ZoneChange change, string? catalog)
    {
        var destinations = change.Pool.Targets.Select(NotifyDestination).ToList();
        if (catalog is not null)
        {
            await NotifyAsync(destinations, change, catalog);
        }

        if (!change.IsDelete)
        {
            await NotifyAsync(destinations, change);
        }

        await NotifyAsync(change.Pool.AlsoNotifies, change);
    }

    /// <summary>Where a target takes NOTIFY: its options host and port (Designate's defaults 127.0.0.1:53).</summary>
    public static PoolServer NotifyDestination(PoolTarget target) => new(
        target.Options.GetValueOrDefault("host", "127.0.0.1"),
        int.TryParse(target.Options.GetValueOrDefault("port"), out var port) ? port : 53);

    /// <param name="zoneName">The zone the NOTIFY names: the changed zone, or its pool's catalog.</param>
    private async Task NotifyAsync(IReadOnlyList<PoolServer> destinations, ZoneChange change, string? zoneName = null)
    {
        foreach (var destination in destinations)
        {
            await bus.CastAsync(new NotifyZoneChanged(change.ZoneId, zoneName ?? change.ZoneName, change.Action, change.Serial,
                destination.Host, destination.Port, Worker.PollTimeoutMs, (int)(Worker.PollRetryInterval * 1000), Worker.PollMaxRetries));
        }
    }

    private async Task ReportAsync(ZoneChange change, PollVerdict verdict)
    {
        if (verdict.Success)
        {
            logger.LogDebug("zone {ZoneId} ({Zone}) {Action} serial {Serial} propagated: {Reason}", change.ZoneId, change.ZoneName, change.Action, verdict.Serial, verdict.Reason);
        }
        else
        {
            logger.LogError("zone {ZoneId} ({Zone}) {Action} serial {Serial} failed ({Outcome}): {Reason}", change.ZoneId, change.ZoneName, change.Action, change.Serial, verdict.Outcome, verdict.Reason);
        }

        await bus.CastAsync(new UpdateStatus(change.ZoneId, change.Action, verdict.Serial, verdict.Success));
    }
}
