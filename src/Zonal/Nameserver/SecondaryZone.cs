namespace Zonal.Nameserver;

/// <summary>
/// One secondary zone at run time: its settings, the slot queries read, and the wake-up signal that a
/// NOTIFY (or a settings change) pulls to refresh before the timer is due.
/// </summary>
public sealed class SecondaryZone(SecondaryZoneSettings settings, ZoneSlot slot) : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();

    public SecondaryZoneSettings Settings { get; set; } = settings;

    public ZoneSlot Slot { get; } = slot;

    /// <summary>How the last transfer that changed the zone travelled, for operators and tests.</summary>
    public TransferResult? LastTransfer { get; set; }

    /// <summary>When a master last confirmed the held version, or null before that ever happened.</summary>
    public DateTimeOffset? LastRefreshed { get; set; }

    public CancellationToken Stopping => _stop.Token;

    internal Task Loop { get; set; } = Task.CompletedTask;

    /// <summary>Refresh as soon as possible; wakes a waiting loop, and is remembered when the loop is busy.</summary>
    public void Wake()
    {
        lock (_wake)
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
    }

    /// <summary>Waits for the delay or a <see cref="Wake"/>, whichever comes first.</summary>
    internal Task WaitAsync(TimeSpan delay, CancellationToken ct) => _wake.WaitAsync(delay, ct);

    public void Stop() => _stop.Cancel();

    public void Dispose()
    {
        _stop.Dispose();
        _wake.Dispose();
    }
}
