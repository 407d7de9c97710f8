using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Zonal.Hosting;

/// <summary>
/// A producer-style periodic task (contract §10): one run every interval seconds; a failed run is logged and
/// the next interval tries again, so one bad run never stops the task. An interval of 0 or less turns it off.
/// </summary>
public abstract class PeriodicTask(double intervalSeconds, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The clock the interval runs on, for the task's own notion of now.</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>What the log says failed, e.g. "zone recovery".</summary>
    protected abstract string Name { get; }

    /// <summary>One run of the task.</summary>
    protected abstract Task RunOnceAsync(CancellationToken ct);

    /// <summary>Whether the task also runs once at start, before the first interval has passed.</summary>
    protected virtual bool RunsAtStart => false;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (intervalSeconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(intervalSeconds), Clock);
        // Yield first: the host's start need not wait for the first run.
        await Task.Yield();
        if (RunsAtStart && !await RunLoggedAsync(stoppingToken))
        {
            return;
        }

        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!await RunLoggedAsync(stoppingToken))
            {
                return;
            }
        }
    }

    /// <summary>One run whose failure is logged; false once the host is stopping.</summary>
    private async Task<bool> RunLoggedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Task} failed; retrying at the next interval", Name);
        }

        return true;
    }
}
