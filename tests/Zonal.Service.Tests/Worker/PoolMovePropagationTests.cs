using Zonal.Central;
using Zonal.Pools;
using Zonal.Worker;

namespace Zonal.Service.Tests.Worker;

/// <summary>A change carrying the pool a pool_move left: created in the new pool first, then deleted from the old one.</summary>
public sealed class PoolMovePropagationTests
{
    private static readonly PoolServer NewNs = new("127.0.0.1", 1053), OldNs = new("127.0.0.2", 1053);
    private static readonly PoolTarget Shared = WorkerRig.Target("bind9", port: 2000);

    private static readonly PoolTopology NewPool = new([Shared], [NewNs], []);

    // The old pool shares the bind9 target and the nameserver of the new one: those must keep the zone.
    private static readonly PoolTopology OldPool = new([WorkerRig.Target("pdns4", port: 3000), Shared], [OldNs, NewNs], []);

    private static ZoneChange Move(string action = "UPDATE") => WorkerRig.Change(NewPool, action) with { MovedFrom = OldPool };

    [Fact]
    public async Task A_move_creates_the_zone_in_the_new_pool_then_deletes_it_from_the_old_pool_targets_it_does_not_share()
    {
        await using var rig = new WorkerRig();
        rig.MiniDns.Serve("127.0.0.1:1053", 100);
        rig.MiniDns.Serve("127.0.0.2:1053", null);
        var change = Move();

        await rig.Propagation.RunAsync(change, CancellationToken.None);

        var report = await rig.NextReportAsync();
        Assert.Equal((change.ZoneId, "UPDATE", 100L, true), (report.ZoneId, report.Action, report.Serial, report.Success));
        Assert.Equal(["bind9:create:example.org.", "pdns4:delete:example.org."], rig.BackendCalls);
        Assert.All(rig.MiniDns.Polls.Where(p => p.Host == "127.0.0.1"), p => Assert.Equal(100, p.ExpectedSerial));
        Assert.All(rig.MiniDns.Polls.Where(p => p.Host == "127.0.0.2"), p => Assert.Equal(0, p.ExpectedSerial));
        Assert.Equal(1, rig.MiniDns.PollsOf("127.0.0.2:1053"));
    }

    [Fact]
    public async Task A_move_whose_old_pool_keeps_serving_the_zone_fails_after_the_new_pool_took_it()
    {
        await using var rig = new WorkerRig(o => o.PollMaxRetries = 2);
        rig.MiniDns.Serve("127.0.0.1:1053", 100);
        rig.MiniDns.Serve("127.0.0.2:1053", 100);

        await rig.Propagation.RunAsync(Move(), CancellationToken.None);

        Assert.False((await rig.NextReportAsync()).Success);
        Assert.Equal("bind9:create:example.org.", rig.BackendCalls.First());
    }

    [Fact]
    public async Task A_move_whose_new_pool_fails_leaves_the_old_pool_untouched()
    {
        await using var rig = new WorkerRig(o => o.PollMaxRetries = 1);
        rig.Failing["bind9"] = true;

        await rig.Propagation.RunAsync(Move(), CancellationToken.None);

        Assert.False((await rig.NextReportAsync()).Success);
        Assert.DoesNotContain(rig.BackendCalls, c => c.StartsWith("pdns4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_zone_deleted_during_a_move_is_deleted_from_both_pools()
    {
        await using var rig = new WorkerRig();
        rig.MiniDns.Serve("127.0.0.1:1053", null);
        rig.MiniDns.Serve("127.0.0.2:1053", null);

        await rig.Propagation.RunAsync(Move("DELETE"), CancellationToken.None);

        var report = await rig.NextReportAsync();
        Assert.Equal(("DELETE", true), (report.Action, report.Success));
        Assert.Equal(["bind9:delete:example.org.", "pdns4:delete:example.org."], rig.BackendCalls);
    }

    [Fact]
    public async Task A_move_between_catalog_pools_notifies_the_new_catalog_then_the_old_one_and_calls_no_backend()
    {
        await using var rig = new WorkerRig();
        rig.MiniDns.Serve("127.0.0.1:1053", 100);
        rig.MiniDns.Serve("127.0.0.2:1053", null);
        var newTarget = WorkerRig.Target("bind9", port: 2000);
        var oldTarget = WorkerRig.Target("bind9", "127.0.0.3", 3000);
        var change = WorkerRig.Change(new PoolTopology([newTarget], [NewNs], [], "new-cat.example."), "UPDATE")
            with
        { MovedFrom = new PoolTopology([oldTarget], [OldNs], [], "old-cat.example.") };

        await rig.Propagation.RunAsync(change, CancellationToken.None);

        Assert.True((await rig.NextReportAsync()).Success);
        Assert.Empty(rig.BackendCalls);
        // The new pool's catalog and member NOTIFYs leave together (in either order), the old catalog's after the polls.
        var notified = rig.MiniDns.Notifies.Select(n => $"{n.ZoneName}@{n.Host}:{n.Port}").ToList();
        Assert.Equal(["example.org.@127.0.0.1:2000", "new-cat.example.@127.0.0.1:2000"], notified.Take(2).Order());
        Assert.Equal(["old-cat.example.@127.0.0.3:3000"], notified.Skip(2));
    }
}
