using Zonal.Central;
using Zonal.Messaging.Contracts.Worker;
using Zonal.Pools;
using Zonal.Worker;

namespace Zonal.Service.Tests.Worker;

public sealed class ZoneChangeQueueTests
{
    [Fact]
    public async Task A_burst_of_changes_to_one_zone_is_coalesced_into_its_latest_serial()
    {
        await using var rig = new WorkerRig(o => (o.PollFirstRetryInterval, o.PollRetryInterval, o.PollMaxRetries) = (0.05, 0.05, 40));
        var serving = 0L;
        rig.MiniDns.Serving["127.0.0.1:1053"] = () => Interlocked.Read(ref serving);
        rig.Pool = new PoolTopology([WorkerRig.Target("bind9")], [new PoolServer("127.0.0.1", 1053)], []);
        var zone = Guid.NewGuid();

        for (var serial = 101; serial <= 110; serial++)
        {
            await rig.Bus.CastAsync(new PropagateZone(zone, Guid.Empty, "UPDATE", serial));
        }

        await Task.Delay(300);
        Interlocked.Exchange(ref serving, 110);
        var report = await rig.NextReportAsync();
        Assert.Equal((110L, true), (report.Serial, report.Success));
        Assert.True(rig.BackendCalls.Count < 10, $"{rig.BackendCalls.Count} backend calls for 10 changes");
        // Which of the early changes got a poll depends on when the burst reached the worker; the
        // serials polled are fewer than the changes and the last poll is for the latest one.
        var expected = rig.MiniDns.Polls.Select(p => p.ExpectedSerial).ToList();
        Assert.True(expected.Distinct().Count() < 10, $"polled serials {string.Join(' ', expected)}");
        Assert.Equal(110, expected[^1]);
        await Task.Delay(200);
        Assert.False(rig.HasReport);
    }

    [Fact]
    public async Task A_duplicate_of_the_change_in_flight_is_dropped()
    {
        await using var rig = new WorkerRig(o => (o.PollFirstRetryInterval, o.PollRetryInterval, o.PollMaxRetries) = (0.05, 0.05, 40));
        var serving = 0L;
        rig.MiniDns.Serving["127.0.0.1:1053"] = () => Interlocked.Read(ref serving);
        rig.Pool = new PoolTopology([WorkerRig.Target("bind9")], [new PoolServer("127.0.0.1", 1053)], []);
        var change = new PropagateZone(Guid.NewGuid(), Guid.Empty, "CREATE", 100);

        await rig.Bus.CastAsync(change);
        await Task.Delay(100);
        await rig.Bus.CastAsync(change);
        await rig.Bus.CastAsync(change with { Serial = 99 });
        await Task.Delay(100);
        Interlocked.Exchange(ref serving, 100);

        Assert.True((await rig.NextReportAsync()).Success);
        Assert.Equal(["bind9:create:example.org."], rig.BackendCalls);
    }

    [Theory]
    [InlineData("UPDATE", 5, "UPDATE", 6, true)]
    [InlineData("UPDATE", 6, "UPDATE", 6, false)]
    [InlineData("UPDATE", 7, "UPDATE", 6, false)]
    [InlineData("DELETE", 6, "UPDATE", 6, false)]
    [InlineData("DELETE", 5, "CREATE", 6, false)]
    [InlineData("UPDATE", 9, "DELETE", 6, true)]
    public void Newer_means_a_delete_or_a_higher_serial(string thanAction, long thanSerial, string action, long serial, bool newer)
    {
        var than = new PropagateZone(Guid.Empty, Guid.Empty, thanAction, thanSerial);
        var candidate = new PropagateZone(Guid.Empty, Guid.Empty, action, serial);
        Assert.Equal(newer, ZoneChangeQueue.IsNewer(candidate, than));
    }
}
