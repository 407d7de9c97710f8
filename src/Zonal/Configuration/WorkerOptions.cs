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

    /// <summary>Wait between the NOTIFY and the first serial poll.</summary>
    public double PollDelay { get; set; }

    /// <summary>How often zones left ERROR, or PENDING past the longest propagation, are sent again.</summary>
    public double RecoveryInterval { get; set; } = 120;

    /// <summary>The wait before round <paramref name="round"/> (0-based) is retried: doubling from the first interval, capped.</summary>
    public TimeSpan RetryDelay(int round) =>
        TimeSpan.FromSeconds(Math.Min(PollRetryInterval, PollFirstRetryInterval * Math.Pow(2, Math.Min(round, 30))));

    /// <summary>How long a change can take before it is ERROR (Designate's max propagation time, with back-off).</summary>
    public TimeSpan MaxPropagationTime()
    {
        var total = TimeSpan.FromSeconds(PollDelay);
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
