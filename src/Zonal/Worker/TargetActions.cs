using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zonal.Backends;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Pools;

namespace Zonal.Worker;

/// <summary>
/// Step 1 of §8.3: every target of the pool, in parallel, gets the zone created, updated or
/// deleted through its backend, each with up to poll_max_retries retries at the back-off pace.
/// </summary>
public sealed class TargetActions(IBackendFactory backends, IOptions<ZonalOptions> options, TimeProvider clock, ILogger<TargetActions> logger)
{
    private WorkerOptions Worker => options.Value.Worker;

    /// <summary>Returns one line per target that failed every attempt, naming the target and its last error.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(ZoneChange change, CancellationToken ct)
    {
        var results = await Task.WhenAll(change.Pool.Targets.Select(target => ApplyAsync(change, target, ct)));
        return results.OfType<string>().ToList();
    }

    /// <summary>True when 100 × succeeded / total ≥ threshold_percentage.</summary>
    public bool MeetsThreshold(int total, int failed) => total == 0 || (total - failed) * 100L >= (long)Worker.ThresholdPercentage * total;

    private async Task<string?> ApplyAsync(ZoneChange change, PoolTarget target, CancellationToken ct)
    {
        var zone = new BackendZone(change.ZoneId, change.ZoneName, change.Serial);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var backend = backends.For(target);
                await (change.Action switch
                {
                    ChangeAction.Create => backend.CreateZoneAsync(zone, ct),
                    ChangeAction.Delete => backend.DeleteZoneAsync(zone, change.HardDelete, ct),
                    _ => backend.UpdateZoneAsync(zone, ct),
                });
                return null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (attempt >= Worker.PollMaxRetries)
                {
                    return $"{target.Type} target ({Describe(target)}): {e.Message}";
                }

                logger.LogDebug("zone {Zone}: {Action} on {Type} target failed (attempt {Attempt}): {Error}", change.ZoneName, change.Action, target.Type, attempt + 1, e.Message);
                await Task.Delay(Worker.RetryDelay(attempt), clock, ct);
            }
        }
    }

    private static string Describe(PoolTarget target) =>
        target.Description ?? string.Join(", ", target.Options.Where(o => !o.Key.Contains("token") && !o.Key.Contains("key")).Select(o => $"{o.Key}={o.Value}"));
}
