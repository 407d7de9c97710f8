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
