using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Central;
using Zonal.Service.Tests.Infrastructure;
using Zonal.Worker;

namespace Zonal.Service.Tests.Worker;

public sealed class RecoveryLoopTests(SqliteManualWorkerHost host) : IClassFixture<SqliteManualWorkerHost>
{
    private readonly ApiClient _client = host.Client(project: "recovery-" + Guid.NewGuid().ToString("N")[..8]);

    private RecoveryLoop Loop(double pollTimeout)
    {
        var options = Options.Create(new ZonalOptions { Worker = { PollTimeout = pollTimeout, PollMaxRetries = 0, PollDelay = 0 } });
        return ActivatorUtilities.CreateInstance<RecoveryLoop>(host.Services, options);
    }

    [Fact]
    public async Task Zones_in_error_are_sent_again_with_their_action_and_serial_and_fresh_pending_ones_are_not()
    {
        var (failed, _) = await TestData.CreateZoneAsync(_client);
        var (pending, _) = await TestData.CreateZoneAsync(_client);
        var sent = await WaitForCastAsync(Guid.Parse(failed));
        // The pending zone's own first cast must be in before the count below, or it looks resent.
        await WaitForCastAsync(Guid.Parse(pending));
        await host.Services.GetRequiredService<IMessageBus>().CastAsync(new UpdateStatus(sent.ZoneId, "CREATE", sent.Serial, Success: false));
        await TestData.WaitForStatusAsync(_client, $"/v2/zones/{failed}", "ERROR");
        var before = host.Worker.Received.Count;

        await Loop(pollTimeout: 600).RecoverAsync(CancellationToken.None);

        await WaitForCastAsync(sent.ZoneId, skip: before);
        await Task.Delay(200);
        var resent = host.Worker.Received.Skip(before).ToList();
        Assert.Contains(resent, p => p.ZoneId == sent.ZoneId && p.Action == "CREATE" && p.Serial == sent.Serial);
        Assert.DoesNotContain(resent, p => p.ZoneId == Guid.Parse(pending));
    }

    [Fact]
    public async Task Zones_pending_longer_than_a_propagation_can_take_are_sent_again()
    {
        var (stuck, _) = await TestData.CreateZoneAsync(_client);
        await WaitForCastAsync(Guid.Parse(stuck));
        var before = host.Worker.Received.Count;
        await Task.Delay(1500);

        // A propagation of one round with a 0.1 s timeout takes at most about 1.2 s.
        await Loop(pollTimeout: 0.1).RecoverAsync(CancellationToken.None);

        Assert.Equal("CREATE", (await WaitForCastAsync(Guid.Parse(stuck), skip: before)).Action);
    }

    private async Task<Zonal.Messaging.Contracts.Worker.PropagateZone> WaitForCastAsync(Guid zoneId, int skip = 0)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (host.Worker.Received.Skip(skip).FirstOrDefault(p => p.ZoneId == zoneId) is { } cast)
            {
                return cast;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no PropagateZone for {zoneId}");
    }
}
