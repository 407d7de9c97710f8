using System.Diagnostics;
using Zonal.Central;
using Zonal.Messaging.Contracts.Worker;
using Zonal.Pools;
using Zonal.Worker;

namespace Zonal.Service.Tests.Worker;

/// <summary>The worker's flow (§8.3) against an in-memory MiniDNS and recording backends.</summary>
public sealed class PropagationTests
{
    private static readonly PoolServer Ns1 = new("127.0.0.1", 1053), Ns2 = new("127.0.0.2", 1053);

    private static PoolTopology Pool(params string[] targetTypes) =>
        new(targetTypes.Select((t, i) => WorkerRig.Target(t, port: 2000 + i)).ToList(), [Ns1, Ns2], [new PoolServer("192.0.2.9", 5300)]);

    [Fact]
    public async Task A_create_calls_every_backend_notifies_every_target_and_also_notifies_and_goes_active_at_the_consensus_serial()
    {
        await using var rig = new WorkerRig();
        rig.MiniDns.Serve("127.0.0.1:1053", 100);
        rig.MiniDns.Serve("127.0.0.2:1053", 101);
        var change = WorkerRig.Change(Pool("bind9", "pdns4"));

        await rig.Propagation.RunAsync(change, CancellationToken.None);

        var report = await rig.NextReportAsync();
        Assert.Equal((change.ZoneId, "CREATE", 100L, true), (report.ZoneId, report.Action, report.Serial, report.Success));
        Assert.Equal(["bind9:create:example.org.", "pdns4:create:example.org."], rig.BackendCalls.Order());
        Assert.Equal(["127.0.0.1:2000", "127.0.0.1:2001", "192.0.2.9:5300"], rig.MiniDns.Notifies.Select(n => $"{n.Host}:{n.Port}").Order());
        Assert.All(rig.MiniDns.Polls, p => Assert.Equal(100, p.ExpectedSerial));
    }

    [Fact]
    public async Task A_lagging_nameserver_is_polled_again_with_growing_waits_until_it_catches_up()
    {
        await using var rig = new WorkerRig(o => o.PollMaxRetries = 8);
        rig.MiniDns.Serve("127.0.0.1:1053", 100);
        var polls = 0;
        rig.MiniDns.Serving["127.0.0.2:1053"] = () => Interlocked.Increment(ref polls) < 4 ? 99 : 100;

        await rig.Propagation.RunAsync(WorkerRig.Change(Pool("bind9")), CancellationToken.None);

        var report = await rig.NextReportAsync();
        Assert.True(report.Success);
        Assert.Equal(1, rig.MiniDns.PollsOf("127.0.0.1:1053"));
        Assert.Equal(4, rig.MiniDns.PollsOf("127.0.0.2:1053"));
        var waits = rig.MiniDns.Polls.Where(p => p.Host == "127.0.0.2").Select(p => p.RetryIntervalMs).ToList();
        Assert.Equal(waits.Order(), waits);
        Assert.True(waits[^1] > waits[0], $"waits should grow: {string.Join(", ", waits)}");
    }

    [Theory]
    [InlineData("CREATE", new[] { "cat.example.@127.0.0.1:2000", "example.org.@127.0.0.1:2000" })]
    [InlineData("DELETE", new[] { "cat.example.@127.0.0.1:2000" })]
    public async Task In_a_catalog_pool_a_create_notifies_the_catalog_and_the_member_a_delete_only_the_catalog(string action, string[] notified)
    {
        await using var rig = new WorkerRig();
        rig.MiniDns.Serve("127.0.0.1:1053", action == "DELETE" ? null : 100);
        rig.MiniDns.Serve("127.0.0.2:1053", action == "DELETE" ? null : 100);

        await rig.Propagation.RunAsync(WorkerRig.Change(Pool("bind9") with { CatalogZone = "cat.example." }, action), CancellationToken.None);

        Assert.True((await rig.NextReportAsync()).Success);
        Assert.Empty(rig.BackendCalls);
        // Casts are handled in the background: the order of back-to-back NOTIFYs is not fixed.
        Assert.Equal(notified.Append("example.org.@192.0.2.9:5300").Order(), rig.MiniDns.Notifies.Select(n => $"{n.ZoneName}@{n.Host}:{n.Port}").Order());
    }

    [Theory]
    [InlineData(0.05, true)]
    [InlineData(0, false)]
    public async Task A_target_that_dropped_the_first_notify_gets_it_again_once_renotify_after_has_passed(double renotifyAfter, bool served)
    {
        await using var rig = new WorkerRig(o => (o.PollMaxRetries, o.RenotifyAfter) = (8, renotifyAfter));
        rig.MiniDns.Serve("127.0.0.1:1053", 100);
        // The nameserver behind the target transfers only on a NOTIFY that comes after the first one.
        rig.MiniDns.Serving["127.0.0.2:1053"] = () => rig.MiniDns.Notifies.Count(n => n.Port == 2000) >= 2 ? 100 : 99;

        await rig.Propagation.RunAsync(WorkerRig.Change(Pool("bind9"), action: "UPDATE"), CancellationToken.None);

        Assert.Equal(served, (await rig.NextReportAsync()).Success);
        var notifies = rig.MiniDns.Notifies.Count(n => n.Port == 2000);
        Assert.True(served ? notifies >= 2 : notifies == 1, $"{notifies} NOTIFYs to the target");
    }

    [Fact]
    public async Task A_nameserver_that_never_catches_up_makes_the_change_an_error_after_the_retries()
    {
        await using var rig = new WorkerRig(o => o.PollMaxRetries = 3);
        rig.MiniDns.Serve("127.0.0.1:1053", 100);
        rig.MiniDns.Serve("127.0.0.2:1053", 99);

        await rig.Propagation.RunAsync(WorkerRig.Change(Pool("bind9")), CancellationToken.None);

        var report = await rig.NextReportAsync();
        Assert.False(report.Success);
        Assert.Equal(4, rig.MiniDns.PollsOf("127.0.0.2:1053"));
        Assert.Equal(1, rig.MiniDns.PollsOf("127.0.0.1:1053"));
    }

    [Fact]
    public async Task A_silent_nameserver_counts_as_no_answer_after_the_round_timeout()
    {
        await using var rig = new WorkerRig(o => o.PollMaxRetries = 1);
        rig.MiniDns.Serve("127.0.0.1:1053", 100);
        rig.MiniDns.Silent["127.0.0.2:1053"] = true;

        await rig.Propagation.RunAsync(WorkerRig.Change(Pool("bind9")), CancellationToken.None);

        Assert.False((await rig.NextReportAsync()).Success);
    }

    [Fact]
    public async Task With_threshold_50_one_lagging_nameserver_of_two_does_not_hold_the_change_back()
    {
        await using var rig = new WorkerRig(o => o.ThresholdPercentage = 50);
        rig.MiniDns.Serve("127.0.0.1:1053", 100);
        rig.MiniDns.Serve("127.0.0.2:1053", 99);

        await rig.Propagation.RunAsync(WorkerRig.Change(Pool("bind9")), CancellationToken.None);

        var report = await rig.NextReportAsync();
        Assert.True(report.Success);
        Assert.Equal(100, report.Serial);
    }

    [Fact]
    public async Task A_failing_backend_below_the_threshold_is_an_error_without_polls_after_its_retries()
    {
        await using var rig = new WorkerRig(o => o.PollMaxRetries = 2);
        rig.Failing["pdns4"] = true;
        rig.MiniDns.Serve("127.0.0.1:1053", 100);
        rig.MiniDns.Serve("127.0.0.2:1053", 100);

        await rig.Propagation.RunAsync(WorkerRig.Change(Pool("bind9", "pdns4")), CancellationToken.None);

        Assert.False((await rig.NextReportAsync()).Success);
        Assert.Equal(3, rig.BackendCalls.Count(c => c.StartsWith("pdns4", StringComparison.Ordinal)));
        Assert.Empty(rig.MiniDns.Polls);
    }

    [Fact]
    public async Task A_failing_backend_within_the_threshold_lets_the_change_go_on()
    {
        await using var rig = new WorkerRig(o => (o.ThresholdPercentage, o.PollMaxRetries) = (50, 1));
        rig.Failing["pdns4"] = true;
        rig.MiniDns.Serve("127.0.0.1:1053", 100);
        rig.MiniDns.Serve("127.0.0.2:1053", 100);

        await rig.Propagation.RunAsync(WorkerRig.Change(Pool("bind9", "pdns4")), CancellationToken.None);

        Assert.True((await rig.NextReportAsync()).Success);
    }

    [Fact]
    public async Task A_delete_removes_the_zone_from_backends_with_the_hard_flag_and_waits_until_nameservers_drop_it()
    {
        await using var rig = new WorkerRig();
        rig.MiniDns.Serve("127.0.0.1:1053", null);
        var polls = 0;
        rig.MiniDns.Serving["127.0.0.2:1053"] = () => Interlocked.Increment(ref polls) < 3 ? 100 : null;
        var change = WorkerRig.Change(Pool("bind9"), action: "DELETE", serial: 100, hard: true);

        await rig.Propagation.RunAsync(change, CancellationToken.None);

        var report = await rig.NextReportAsync();
        Assert.Equal(("DELETE", 100L, true), (report.Action, report.Serial, report.Success));
        Assert.Equal(["bind9:delete:example.org.:hard"], rig.BackendCalls);
        Assert.Equal(3, rig.MiniDns.PollsOf("127.0.0.2:1053"));
        Assert.All(rig.MiniDns.Polls, p => Assert.Equal(0, p.ExpectedSerial));
        Assert.DoesNotContain(rig.MiniDns.Notifies, n => n.Port == 2000);
    }

    [Fact]
    public async Task A_pool_without_targets_is_reported_done_at_once_without_backends_or_polls()
    {
        await using var rig = new WorkerRig();
        await rig.Propagation.RunAsync(WorkerRig.Change(new PoolTopology([], [Ns1], [])), CancellationToken.None);

        Assert.True((await rig.NextReportAsync()).Success);
        Assert.Empty(rig.BackendCalls);
        Assert.Empty(rig.MiniDns.Polls);
    }

    [Fact]
    public async Task The_first_poll_leaves_right_after_the_notify()
    {
        await using var rig = new WorkerRig();
        rig.MiniDns.Serve("127.0.0.1:1053", 100);
        rig.MiniDns.Serve("127.0.0.2:1053", 100);
        var clock = Stopwatch.StartNew();

        await rig.Propagation.RunAsync(WorkerRig.Change(Pool("fake")), CancellationToken.None);

        Assert.True((await rig.NextReportAsync()).Success);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.All(rig.MiniDns.Polls, p => Assert.True(p.RetryIntervalMs <= 2, $"first retry interval {p.RetryIntervalMs} ms"));
    }
}
