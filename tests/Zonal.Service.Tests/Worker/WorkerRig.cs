using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zonal.Backends;
using Zonal.Central;
using Zonal.Configuration;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Central;
using Zonal.Messaging.Contracts.MiniDns;
using Zonal.Messaging.Contracts.Worker;
using Zonal.Pools;
using Zonal.Worker;

namespace Zonal.Service.Tests.Worker;

/// <summary>
/// The worker's real classes over the in-process bus, with MiniDNS faked in memory, backends that
/// record calls (and fail on demand), and central replaced by a recorder of UpdateStatus reports.
/// </summary>
public sealed class WorkerRig : IAsyncDisposable, ICastHandler<UpdateStatus>, IBackendFactory, IZoneChangeSource
{
    private readonly ServiceProvider _services;
    private readonly Channel<UpdateStatus> _reports = Channel.CreateUnbounded<UpdateStatus>();

    public WorkerRig(Action<WorkerOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Debug));
        services.Configure<ZonalOptions>(o =>
        {
            o.Worker = new WorkerOptions { PollTimeout = 0.2, PollFirstRetryInterval = 0.002, PollRetryInterval = 0.02, PollMaxRetries = 4 };
            configure?.Invoke(o.Worker);
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IMessageBus, InProcessBus>();
        services.AddSingleton<FakeMiniDns>();
        services.AddSingleton<ICastHandler<PollForSerialNumber>>(s => s.GetRequiredService<FakeMiniDns>());
        services.AddSingleton<ICastHandler<NotifyZoneChanged>>(s => s.GetRequiredService<FakeMiniDns>());
        services.AddSingleton<ICastHandler<UpdateStatus>>(this);
        services.AddSingleton<IBackendFactory>(this);
        services.AddSingleton<IZoneChangeSource>(this);
        services.AddSingleton<PollRounds>();
        services.AddSingleton<TargetActions>();
        services.AddSingleton<SerialPolls>();
        services.AddSingleton<Propagation>();
        services.AddSingleton<ZoneChangeQueue>();
        services.AddScoped<WorkerHandlers>();
        services.AddScoped<ICastHandler<PropagateZone>>(s => s.GetRequiredService<WorkerHandlers>());
        services.AddScoped<ICastHandler<NameserverStatus>>(s => s.GetRequiredService<WorkerHandlers>());
        _services = services.BuildServiceProvider();
    }

    public FakeMiniDns MiniDns => _services.GetRequiredService<FakeMiniDns>();

    public IMessageBus Bus => _services.GetRequiredService<IMessageBus>();

    public Propagation Propagation => _services.GetRequiredService<Propagation>();

    /// <summary>Backend calls as "type:Action:zone[:hard]", in order.</summary>
    public ConcurrentQueue<string> BackendCalls { get; } = new();

    /// <summary>Target types whose backend throws.</summary>
    public ConcurrentDictionary<string, bool> Failing { get; } = new();

    /// <summary>What <see cref="IZoneChangeSource"/> answers: the pool every zone of the rig is in.</summary>
    public PoolTopology Pool { get; set; } = PoolTopology.Empty;

    public static PoolTarget Target(string type, string host = "127.0.0.1", int port = 53) =>
        new(type, null, [new PoolServer("127.0.0.1", 5354)], new Dictionary<string, string> { ["host"] = host, ["port"] = port.ToString() });

    public static ZoneChange Change(PoolTopology pool, string action = "CREATE", long serial = 100, bool hard = false) =>
        new(Guid.NewGuid(), "example.org.", action, serial, hard, pool);

    public async Task<UpdateStatus> NextReportAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(20));
        return await _reports.Reader.ReadAsync(timeout.Token);
    }

    public bool HasReport => _reports.Reader.TryPeek(out _);

    public Task HandleAsync(UpdateStatus cast, CancellationToken ct) => _reports.Writer.WriteAsync(cast, ct).AsTask();

    public IBackend For(PoolTarget target) => new RecordingBackend(this, target.Type);

    public Task<ZoneChange?> LoadAsync(PropagateZone request, CancellationToken ct) =>
        Task.FromResult<ZoneChange?>(new ZoneChange(request.ZoneId, "example.org.", request.Action, request.Serial, request.HardDelete, Pool));

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class RecordingBackend(WorkerRig rig, string type) : IBackend
    {
        public Task CreateZoneAsync(BackendZone zone, CancellationToken ct) => Record($"{type}:create:{zone.Name}");

        public Task UpdateZoneAsync(BackendZone zone, CancellationToken ct) => Record($"{type}:update:{zone.Name}");

        public Task DeleteZoneAsync(BackendZone zone, bool hardDelete, CancellationToken ct) =>
            Record($"{type}:delete:{zone.Name}{(hardDelete ? ":hard" : "")}");

        private Task Record(string call)
        {
            rig.BackendCalls.Enqueue(call);
            return rig.Failing.GetValueOrDefault(type) ? throw new InvalidOperationException($"{type} is down") : Task.CompletedTask;
        }
    }
}
