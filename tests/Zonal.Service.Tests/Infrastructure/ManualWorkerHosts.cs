using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Worker;

namespace Zonal.Service.Tests.Infrastructure;

/// <summary>A worker that only records what it is asked to propagate, so tests decide the outcome.</summary>
public sealed class RecordingWorker : ICastHandler<PropagateZone>
{
    public ConcurrentQueue<PropagateZone> Received { get; } = new();

    public Task HandleAsync(PropagateZone cast, CancellationToken ct)
    {
        Received.Enqueue(cast);
        return Task.CompletedTask;
    }

    /// <summary>The latest cast of <paramref name="action"/> for the zone, once central has sent it.</summary>
    public async Task<PropagateZone> WaitForAsync(Guid zoneId, string action)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (Received.Where(c => c.ZoneId == zoneId && c.Action == action).MaxBy(c => c.Serial) is { } cast)
            {
                return cast;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"no {action} cast for zone {zoneId}");
    }
}

/// <summary>The service with <see cref="RecordingWorker"/> in place of the worker: changes stay PENDING until a test reports.</summary>
public abstract class ManualWorkerHost : ApiHost
{
    public RecordingWorker Worker { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ICastHandler<PropagateZone>>(Worker);
}

public sealed class SqliteManualWorkerHost : ManualWorkerHost
{
    protected override string CreateDatabase() => TestDatabases.Sqlite();
}

public sealed class PostgresManualWorkerHost : ManualWorkerHost
{
    protected override string CreateDatabase() => TestDatabases.Postgres();
}
