namespace Zonal.Configuration;

/// <summary>
/// The worker (pool manager), under Designate's option names. Times are seconds and may be
/// fractions: Zonal polls within milliseconds of a change, then backs off, so its defaults are
/// faster than Designate's (poll_delay 5, poll_retry_interval 15 between every round).
/// </summary>
public sealed class WorkerOptions
{
    /// <summary>Share of targets (backend step) and of nameservers (serial polls) that must succeed.</summary>
    public int ThresholdPercentage { get; set; } = 100;

    /// <summary>How long MiniDNS waits for one answer to a NOTIFY or SOA query.</summary>
    public double PollTimeout { get; set; } = 10;

    /// <summary>The longest wait between two rounds of polls (or backend attempts): the back-off stops growing here.</summary>
    public double PollRetryInterval { get; set; } = 15;

    /// <summary>The first wait between rounds, doubled each round up to <see cref="PollRetryInterval"/> (Zonal's fast path).</summary>
    public double PollFirstRetryInterval { get; set; } = 0.005;

    /// <summary>Rounds after the first one before a change is ERROR.</summary>
    public int PollMaxRetries { get; set; } = 10;

    /// <summary>
    /// For this long after the first poll, the wait before the next round is at most
    /// <see cref="PollEarlyMaxInterval"/>: a nameserver that transfers a little late (BIND spaces
    /// refreshes by up to 0.5 s) is seen at once instead of after a doubled wait. 0 turns it off.
    /// </summary>
    public double PollEarlyWindow { get; set; } = 1;

    /// <summary>The longest wait between polls during <see cref="PollEarlyWindow"/>; the extra polls are not retries.</summary>
    public double PollEarlyMaxInterval { get; set; } = 0.05;

    /// <summary>
    /// When a change is still not served this long after the first poll, each further round sends the
    /// NOTIFY again first: a nameserver that dropped the first one (it arrived while the zone was still
    /// being added, e.g. from a catalog) would otherwise wait for its SOA refresh. 0 turns it off.
    /// </summary>
    public double RenotifyAfter { get; set; } = 1;

    /// <summary>Wait between the NOTIFY and the first serial poll.</summary>
    public double PollDelay { get; set; }

    /// <summary>How often zones left ERROR, or PENDING past the longest propagation, are sent again.</summary>
    public double RecoveryInterval { get; set; } = 120;

    /// <summary>How long one AXFR of a SECONDARY zone from one master may take (Designate's xfr_timeout).</summary>
    public double XfrTimeout { get; set; } = 10;

    /// <summary>Attempts at a master's serial before the xfr task gives up (serial_max_retries).</summary>
    public int SerialMaxRetries { get; set; } = 3;

    /// <summary>Wait between two attempts at a master's serial (serial_retry_delay).</summary>
    public double SerialRetryDelay { get; set; } = 1;

    /// <summary>How long one SOA query to a master waits (serial_timeout).</summary>
    public double SerialTimeout { get; set; } = 1;

    /// <summary>How often SECONDARY zones older than their SOA refresh are checked for a newer serial (periodic_secondary_refresh).</summary>
    public double SecondaryRefreshInterval { get; set; } = 3600;

    /// <summary>The wait before round <paramref name="round"/> (0-based) is retried: doubling from the first interval, capped.</summary>
    public TimeSpan RetryDelay(int round) =>
        TimeSpan.FromSeconds(Math.Min(PollRetryInterval, PollFirstRetryInterval * Math.Pow(2, Math.Min(round, 30))));

    /// <summary>
    /// The next wait, with <paramref name="due"/> left until the next round and <paramref name="sincePollsBegan"/>
    /// passed since the first: all of it, or within the early window at most <see cref="PollEarlyMaxInterval"/>
    /// (an extra poll then follows).
    /// </summary>
    public TimeSpan PollWait(TimeSpan sincePollsBegan, TimeSpan due)
    {
        var cap = TimeSpan.FromSeconds(PollEarlyMaxInterval);
        return sincePollsBegan < TimeSpan.FromSeconds(PollEarlyWindow) && due > cap && cap > TimeSpan.Zero ? cap : due;
    }

    /// <summary>How long a change can take before it is ERROR (Designate's max propagation time, with back-off).</summary>
    public TimeSpan MaxPropagationTime()
    {
        var total = TimeSpan.FromSeconds(PollDelay);
        if (PollMaxRetries > 0 && PollEarlyWindow > 0)
        {
            // Extra polls split the waits of the early window; slow ones push the rounds back by at most the window and one round.
            total += TimeSpan.FromSeconds(PollEarlyWindow) + RoundTimeout;
        }

        for (var round = 0; round <= PollMaxRetries; round++)
        {
            total += RoundTimeout + RetryDelay(round);
        }

        return total;
    }

    /// <summary>How long one round waits for MiniDNS's replies: a query, its retry and some slack.</summary>
    public TimeSpan RoundTimeout => TimeSpan.FromSeconds(2 * PollTimeout + 1);

    public int PollTimeoutMs => (int)Math.Ceiling(PollTimeout * 1000);
}
