using Zonal.Central;
using Zonal.Messaging.Contracts.Worker;
using Zonal.Pools;
using Zonal.Worker;

namespace Zonal.Service.Tests.Worker;

public sealed class ConsensusTallyTests
{
    private static readonly PoolTopology TwoNameservers = new([], [new PoolServer("10.0.0.1", 53), new PoolServer("10.0.0.2", 53)], []);

    private static NameserverStatus Reading(ZoneChange change, string host, string status, long? serial) =>
        new(change.ZoneId, change.Action, host, 53, status, serial);

    [Fact]
    public void With_threshold_100_every_nameserver_must_reach_the_serial_and_the_lowest_is_the_consensus()
    {
        var change = WorkerRig.Change(TwoNameservers, serial: 100);
        var tally = new ConsensusTally(change, 100);
        tally.Record(Reading(change, "10.0.0.1", "SUCCESS", 105));
        Assert.False(tally.Reached);
        Assert.Equal(["10.0.0.2:53"], tally.Unconfirmed.Select(ConsensusTally.Key));

        tally.Record(Reading(change, "10.0.0.2", "SUCCESS", 101));
        Assert.True(tally.Reached);
        Assert.Equal(new PollVerdict(PollOutcome.Success, 101, "2 of 2 nameservers confirmed"), tally.Verdict());
    }

    [Fact]
    public void With_threshold_50_one_of_two_nameservers_is_enough()
    {
        var change = WorkerRig.Change(TwoNameservers);
        var tally = new ConsensusTally(change, 50);
        tally.Record(Reading(change, "10.0.0.2", "SUCCESS", 100));
        Assert.True(tally.Reached);
        Assert.Equal(100, tally.Verdict().Serial);
    }

    [Fact]
    public void A_lower_serial_is_not_positive_and_the_verdict_is_an_error_naming_what_each_served()
    {
        var change = WorkerRig.Change(TwoNameservers, serial: 100);
        var tally = new ConsensusTally(change, 100);
        tally.Record(Reading(change, "10.0.0.1", "SUCCESS", 100));
        tally.Record(Reading(change, "10.0.0.2", "ERROR", 99));
        var verdict = tally.Verdict();
        Assert.Equal(PollOutcome.Error, verdict.Outcome);
        Assert.Contains("10.0.0.2:53 serial 99", verdict.Reason);
        Assert.Contains("10.0.0.1:53 ok", verdict.Reason);
    }

    [Fact]
    public void Nameservers_without_the_zone_below_the_threshold_give_no_zone()
    {
        var change = WorkerRig.Change(TwoNameservers);
        var tally = new ConsensusTally(change, 100);
        tally.Record(Reading(change, "10.0.0.1", "ERROR", null));
        tally.Record(Reading(change, "10.0.0.2", "ERROR", 99));
        Assert.Equal(PollOutcome.NoZone, tally.Verdict().Outcome);
    }

    [Fact]
    public void For_delete_no_zone_is_positive_and_the_verdict_carries_the_change_serial()
    {
        var change = WorkerRig.Change(TwoNameservers, action: "DELETE", serial: 100);
        var tally = new ConsensusTally(change, 100);
        // A NOTIFY acknowledgement carries no serial: not a reading, even for DELETE.
        Assert.False(tally.Record(Reading(change, "10.0.0.2", "SUCCESS", null)));
        tally.Record(Reading(change, "10.0.0.1", "SUCCESS", 0));
        tally.Record(Reading(change, "10.0.0.2", "ERROR", 100));
        Assert.False(tally.Reached);
        tally.Record(Reading(change, "10.0.0.2", "SUCCESS", 0));
        Assert.Equal(new PollVerdict(PollOutcome.Success, 100, "2 of 2 nameservers confirmed"), tally.Verdict());
    }

    [Fact]
    public void Readings_of_other_hosts_other_actions_and_notify_acknowledgements_are_not_counted()
    {
        var change = WorkerRig.Change(TwoNameservers);
        var tally = new ConsensusTally(change, 50);
        Assert.False(tally.Record(Reading(change, "10.9.9.9", "SUCCESS", 100)));
        Assert.False(tally.Record(Reading(change, "10.0.0.1", "SUCCESS", null)));
        Assert.False(tally.Record(Reading(change, "10.0.0.1", "SUCCESS", 100) with { Action = "UPDATE" }));
        Assert.False(tally.Reached);
    }

    [Fact]
    public void A_pool_without_nameservers_has_nothing_to_wait_for()
    {
        var tally = new ConsensusTally(WorkerRig.Change(PoolTopology.Empty), 100);
        Assert.True(tally.Reached);
    }
}
