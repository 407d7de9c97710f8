using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Hosting;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Service.Tests.Hosting;

public sealed class HeartbeatEmitterTests
{
    [Fact]
    public async Task A_stop_whose_STOPPED_beat_outlives_the_shutdown_deadline_ends_cleanly()
    {
        var bus = new UnansweredBus();
        var emitter = new HeartbeatEmitter([new RunningComponent("central")], bus, TimeProvider.System,
            Options.Create(new ZonalOptions()), NullLogger<HeartbeatEmitter>.Instance);
        await emitter.StartAsync(CancellationToken.None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await emitter.StopAsync(deadline.Token);

        Assert.Contains("STOPPED", bus.Statuses);
    }

    /// <summary>A bus whose calls never answer until cancelled, as with a database that accepts and never replies.</summary>
    private sealed class UnansweredBus : IMessageBus
    {
        public List<string> Statuses { get; } = [];

        public async Task<TResult> CallAsync<TResult>(ICall<TResult> call, CancellationToken ct = default)
        {
            lock (Statuses)
            {
                Statuses.Add(((Heartbeat)(object)call).Status);
            }

            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        }

        public Task CastAsync(ICast cast, CancellationToken ct = default) => Task.CompletedTask;
    }
}
