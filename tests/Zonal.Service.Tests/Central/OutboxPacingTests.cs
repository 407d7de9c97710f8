using Zonal.Central;

namespace Zonal.Service.Tests.Central;

/// <summary>How the outbox relay paces its passes: a lone writer's change leaves soon, a burst is gathered longer.</summary>
public sealed class OutboxPacingTests
{
    [Fact]
    public async Task The_signal_counts_every_commit_once_and_wakes_the_relay_once_for_many()
    {
        var signal = new OutboxSignal();
        Assert.Equal(0, signal.TakeCommits());

        for (int i = 0; i < 5; i++)
        {
            signal.Notify();
        }

        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(5, signal.TakeCommits());
        Assert.Equal(0, signal.TakeCommits());
    }

    [Fact]
    public void More_than_one_commit_between_passes_widens_the_window()
    {
        Assert.Equal(OutboxRelay.GatherAfter(0), OutboxRelay.GatherAfter(1));
        Assert.True(OutboxRelay.GatherAfter(2) > OutboxRelay.GatherAfter(1));
        Assert.Equal(OutboxRelay.GatherAfter(2), OutboxRelay.GatherAfter(500));
    }
}
