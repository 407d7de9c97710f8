namespace Zonal.Central;

/// <summary>Wakes the outbox relay right after a commit, so changes leave without waiting for its poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);
    private int _commits;

    public void Notify()
    {
        Interlocked.Increment(ref _commits);
        if (_pending.CurrentCount == 0)
        {
            try
            {
                _pending.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another writer signalled first; one wake-up covers both.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _pending.WaitAsync(timeout, ct);

    /// <summary>The commits signalled since the last call: how busy the writers were between two relay passes.</summary>
    public int TakeCommits() => Interlocked.Exchange(ref _commits, 0);
}
