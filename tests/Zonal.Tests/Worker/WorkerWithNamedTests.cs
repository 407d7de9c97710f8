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
using Zonal.Tests.Backends;
using Zonal.Tests.Servers;
using Zonal.Worker;

namespace Zonal.Tests.Worker;

/// <summary>
/// The worker's flow with the real bind9 backend against two real named targets pulling from a real
/// primary (standing in for MiniDNS), polled with real SOA queries, threshold 100.
/// </summary>
public sealed class WorkerWithNamedTests : IAsyncLifetime
{
    private readonly Channel<UpdateStatus> _reports = Channel.CreateUnbounded<UpdateStatus>();
    private NamedServer _primary = null!;
    private NamedTarget _first = null!, _second = null!;
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _primary = NamedServer.Start(SecondaryZone.Primary);
        _first = NamedTarget.Start();
        _second = NamedTarget.Start();
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Information));
        services.Configure<ZonalOptions>(o => o.Worker = new WorkerOptions
        {
            PollTimeout = 1,
            PollFirstRetryInterval = 0.01,
            PollRetryInterval = 0.2,
            PollMaxRetries = 3,
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IMessageBus, InProcessBus>();
        services.AddSingleton<DigMiniDns>();
        services.AddSingleton<ICastHandler<PollForSerialNumber>>(s => s.GetRequiredService<DigMiniDns>());
        services.AddSingleton<ICastHandler<NotifyZoneChanged>>(s => s.GetRequiredService<DigMiniDns>());
        services.AddSingleton<ICastHandler<UpdateStatus>>(new ReportInbox(_reports.Writer));
        services.AddSingleton<IBackendFactory, BackendFactory>();
        services.AddSingleton<PollRounds>();
        services.AddSingleton<ICastHandler<NameserverStatus>>(s => new StatusInbox(s.GetRequiredService<PollRounds>()));
        services.AddSingleton<TargetActions>();
        services.AddSingleton<SerialPolls>();
        services.AddSingleton<Propagation>();
        _services = services.BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _first.Dispose();
        _second.Dispose();
        _primary.Dispose();
    }

    [Fact]
    public async Task Both_targets_serve_a_created_zone_then_drop_it_and_a_stopped_target_makes_the_change_an_error_until_it_is_back()
    {
        var master = new PoolServer("127.0.0.1", _primary.Port);
        var pool = new PoolTopology([_first.AsPoolTarget(master), _second.AsPoolTarget(master)], [_first.AsNameserver(), _second.AsNameserver()], []);
        var zoneId = Guid.NewGuid();
        var create = new ZoneChange(zoneId, SecondaryZone.Origin, "CREATE", 7, false, pool);

        await PropagateAsync(create, expectSuccess: true);
        await SecondaryZone.ServedAsync(_first.EndPoint, () => _first.Log);
        await SecondaryZone.ServedAsync(_second.EndPoint, () => _second.Log);

        await PropagateAsync(create with { Action = "DELETE", HardDelete = true }, expectSuccess: true);
        Assert.False(SoaProbe.Answers(_first.EndPoint, SecondaryZone.Origin, TimeSpan.FromSeconds(1)));
        Assert.False(SoaProbe.Answers(_second.EndPoint, SecondaryZone.Origin, TimeSpan.FromSeconds(1)));

        _second.Stop();
        await PropagateAsync(create, expectSuccess: false);
        // The failed backend call on the stopped target ends the change before any poll, so the
        // running target may still be transferring the zone it was just given.
        await SecondaryZone.ServedAsync(_first.EndPoint, () => _first.Log);

        _second.Resume();
        await PropagateAsync(create, expectSuccess: true);
        await SecondaryZone.ServedAsync(_second.EndPoint, () => _second.Log);
    }

    private async Task PropagateAsync(ZoneChange change, bool expectSuccess)
    {
        await _services.GetRequiredService<Propagation>().RunAsync(change, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var report = await _reports.Reader.ReadAsync(timeout.Token);
        Assert.True(report.Success == expectSuccess,
            $"{change.Action} reported success={report.Success}, expected {expectSuccess}\nfirst target:\n{_first.Log}\nsecond target:\n{_second.Log}");
        Assert.Equal((change.ZoneId, change.Action, 7L), (report.ZoneId, report.Action, report.Serial));
    }

    private sealed class ReportInbox(ChannelWriter<UpdateStatus> reports) : ICastHandler<UpdateStatus>
    {
        public Task HandleAsync(UpdateStatus cast, CancellationToken ct) => reports.WriteAsync(cast, ct).AsTask();
    }

    private sealed class StatusInbox(PollRounds rounds) : ICastHandler<NameserverStatus>
    {
        public Task HandleAsync(NameserverStatus cast, CancellationToken ct)
        {
            rounds.Deliver(cast);
            return Task.CompletedTask;
        }
    }
}
