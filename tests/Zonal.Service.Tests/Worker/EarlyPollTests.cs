using Zonal.Central;
using Zonal.Configuration;
using Zonal.Pools;
using Zonal.Worker;

namespace Zonal.Service.Tests.Worker;

/// <summary>
/// Within the early window a long back-off wait is split by extra polls that are not retries: a
/// nameserver that catches up during the wait is seen before the next round.
/// </summary>
public sealed class EarlyPollTests
{
    private static readonly PoolTopology Pool = new([WorkerRig.Target("bind9")], [new PoolServer("127.0.0.1", 1053)], []);

    [Fact]
    public async Task A_nameserver_that_catches_up_during_a_long_wait_is_seen_by_the_extra_polls_of_the_early_window()
    {
        // One retry, 5 s away: the rounds alone poll twice; the nameserver has the change from its third answer on.
        await using var rig = new WorkerRig(o => (o.PollFirstRetryInterval, o.PollRetryInterval, o.PollMaxRetries, o.PollEarlyWindow, o.PollEarlyMaxInterval) = (5, 5, 1, 30, 0.01));
        var polls = 0;
        rig.MiniDns.Serving["127.0.0.1:1053"] = () => Interlocked.Increment(ref polls) < 3 ? 99 : 100;

        var run = rig.Propagation.RunAsync(WorkerRig.Change(Pool), CancellationToken.None);
        var report = await rig.NextReportAsync();

        Assert.True(report.Success);
        Assert.Equal(100, report.Serial);
        Assert.Equal(3, rig.MiniDns.PollsOf("127.0.0.1:1053"));
        await run;
    }

    [Fact]
    public async Task Extra_polls_do_not_count_as_retries_so_a_lagging_nameserver_gets_every_round()
    {
        // Four rounds 0.2 s apart, early polls every 0.01 s through the whole run: more polls than
        // rounds, and the change is still given up only after the last round.
        await using var rig = new WorkerRig(o => (o.PollFirstRetryInterval, o.PollRetryInterval, o.PollMaxRetries, o.PollEarlyWindow, o.PollEarlyMaxInterval) = (0.2, 0.2, 3, 30, 0.01));
        rig.MiniDns.Serve("127.0.0.1:1053", 99);

        await rig.Propagation.RunAsync(WorkerRig.Change(Pool), CancellationToken.None);

        Assert.False((await rig.NextReportAsync()).Success);
        Assert.True(rig.MiniDns.PollsOf("127.0.0.1:1053") > 4, $"{rig.MiniDns.PollsOf("127.0.0.1:1053")} polls");
    }

    [Theory]
    [InlineData(0.0, 0.5, 0.05)]   // early, a long wait: capped
    [InlineData(0.0, 0.02, 0.02)]  // early, a short wait: kept
    [InlineData(1.5, 0.5, 0.5)]    // after the window: the whole wait
    public void The_wait_is_capped_only_within_the_early_window(double sinceBegan, double due, double expected)
    {
        var options = new WorkerOptions { PollEarlyWindow = 1, PollEarlyMaxInterval = 0.05 };

        Assert.Equal(TimeSpan.FromSeconds(expected), options.PollWait(TimeSpan.FromSeconds(sinceBegan), TimeSpan.FromSeconds(due)));
    }

    [Fact]
    public void A_zero_window_turns_the_extra_polls_off()
    {
        var options = new WorkerOptions { PollEarlyWindow = 0 };

        Assert.Equal(TimeSpan.FromSeconds(3), options.PollWait(TimeSpan.Zero, TimeSpan.FromSeconds(3)));
    }
}
