using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Hosting;

/// <summary>A component this process runs (api, central, worker, ...), named as Designate names its services.</summary>
public sealed record RunningComponent(string ServiceName);

/// <summary>
/// Reports every component of the process to central: UP at start and every interval, STOPPED on
/// shutdown. A failed beat is logged and retried at the next interval.
/// </summary>
public sealed class HeartbeatEmitter(
    IEnumerable<RunningComponent> components,
    IMessageBus bus,
    TimeProvider clock,
    IOptions<ZonalOptions> options,
    ILogger<HeartbeatEmitter> logger) : BackgroundService
{
    private readonly string _hostname = Environment.MachineName;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await BeatAsync("STOPPED", cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // A database that does not answer must not turn a clean stop into a failed one.
            logger.LogWarning("the STOPPED heartbeat did not finish before the shutdown deadline");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.Heartbeat.IntervalSeconds), clock);
        do
        {
            await BeatAsync("UP", stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task BeatAsync(string status, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var component in components.DistinctBy(c => c.ServiceName))
        {
            try
            {
                await bus.CallAsync(new Heartbeat(component.ServiceName, _hostname, status, now), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "heartbeat of {Service} failed", component.ServiceName);
            }
        }
    }
}

public static class HeartbeatRegistration
{
    /// <summary>Declares a component of this process; one emitter reports them all.</summary>
    public static void AddHeartbeat(this IServiceCollection services, string serviceName)
    {
        services.AddSingleton(new RunningComponent(serviceName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HeartbeatEmitter>());
    }
}
