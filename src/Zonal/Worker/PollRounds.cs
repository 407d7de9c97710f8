using System.Collections.Concurrent;
using System.Threading.Channels;
using Zonal.Messaging.Contracts.Worker;

namespace Zonal.Worker;

/// <summary>
/// Routes MiniDNS's NameserverStatus replies to the change waiting for them. One zone has at most
/// one change polling at a time (the queue coalesces), so the zone id finds it.
/// </summary>
public sealed class PollRounds
{
    private readonly ConcurrentDictionary<Guid, PollInbox> _open = new();

    public PollInbox Open(Guid zoneId)
    {
        var inbox = new PollInbox(this, zoneId);
        _open[zoneId] = inbox;
        return inbox;
    }

    /// <summary>False when nobody waits for this zone: a late reply after the verdict, or a NOTIFY result.</summary>
    public bool Deliver(NameserverStatus status) =>
        _open.TryGetValue(status.ZoneId, out var inbox) && inbox.Post(status);

    internal void Close(PollInbox inbox) => _open.TryRemove(new KeyValuePair<Guid, PollInbox>(inbox.ZoneId, inbox));
}

/// <summary>The replies for one zone's change, read as they come.</summary>
public sealed class PollInbox(PollRounds rounds, Guid zoneId) : IDisposable
{
    private readonly Channel<NameserverStatus> _replies = Channel.CreateUnbounded<NameserverStatus>(new UnboundedChannelOptions { SingleReader = true });

    public Guid ZoneId { get; } = zoneId;

    internal bool Post(NameserverStatus status) => _replies.Writer.TryWrite(status);

    /// <summary>The next reply, or null when none came within <paramref name="wait"/>.</summary>
    public async Task<NameserverStatus?> NextAsync(TimeSpan wait, CancellationToken ct)
    {
        if (_replies.Reader.TryRead(out var ready))
        {
            return ready;
        }

        if (wait <= TimeSpan.Zero)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(wait);
        try
        {
            return await _replies.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    public void Dispose() => rounds.Close(this);
}
