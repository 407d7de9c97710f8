using Microsoft.Extensions.Logging;
using Zonal.DnsClient;

namespace Zonal.Nameserver;

/// <summary>
/// The SOA timer loop of one secondary zone (RFC 1035 §3.3.13, RFC 1996): check the masters' serial,
/// transfer when it is newer, then wait REFRESH; after a failure wait RETRY; when no master answered for
/// EXPIRE, stop serving the zone. A NOTIFY cuts the wait short.
/// </summary>
public sealed class ZoneRefresher(ZoneTransferClient client, ZoneFiles files, NameserverOptions options, TimeProvider clock, ILogger<ZoneRefresher> logger)
{
    public async Task RunAsync(SecondaryZone zone)
    {
        var ct = zone.Stopping;
        var delay = TimeSpan.Zero;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await zone.WaitAsync(delay, ct);
                bool refreshed = await RefreshAsync(zone, ct);
                delay = refreshed ? RefreshDelay(zone) : RetryDelay(zone);
                if (!refreshed)
                {
                    ExpireIfDue(zone);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A bug or a full disk must not end the loop: the zone would never refresh again.
                logger.LogError(e, "nameserver: refresh of {Zone} failed", zone.Slot.Origin);
                delay = RetryDelay(zone);
            }
        }
    }

    /// <summary>One round over the masters, in order, until one answers. Returns whether one did.</summary>
    public async Task<bool> RefreshAsync(SecondaryZone zone, CancellationToken ct)
    {
        var settings = zone.Settings;
        var origin = settings.Origin;
        foreach (var master in settings.Masters)
        {
            try
            {
                var held = zone.Slot.Current;
                uint serial = await client.QuerySerialAsync(master, origin, settings.Key, ct);
                if (held is null || SoaTimers.IsNewer(serial, held.Serial))
                {
                    var result = await client.TransferAsync(master, origin, held, settings.Key, ct);
                    if (result.Kind != TransferKind.UpToDate && result.Version is { } version)
                    {
                        // Stored before served: whatever was answered survives a restart.
                        if (result.Differences is { } differences)
                        {
                            files.Append(version, differences);
                        }
                        else
                        {
                            files.Save(version);
                        }

                        zone.LastTransfer = result;
                        zone.Slot.Publish(version);
                        logger.LogInformation(
                            "nameserver: {Zone} serial {Serial} from {Master} by {Kind} transfer: {Records} records in {Messages} messages, {Octets} octets",
                            origin, version.Serial, master, result.Kind, result.Records, result.Messages, result.Octets);
                    }
                }

                var now = clock.GetUtcNow();
                zone.LastRefreshed = now;
                files.MarkRefreshed(origin, now);
                return true;
            }
            catch (TransferException e)
            {
                logger.LogWarning("nameserver: {Reason}", e.Message);
            }
        }

        return false;
    }

    private TimeSpan RefreshDelay(SecondaryZone zone) =>
        Clamp(zone.Slot.Current?.Timers.Refresh, options.MinRefreshSeconds, options.MaxRefreshSeconds);

    private TimeSpan RetryDelay(SecondaryZone zone) =>
        Clamp(zone.Slot.Current?.Timers.Retry, options.MinRetrySeconds, options.MaxRetrySeconds);

    private static TimeSpan Clamp(uint? seconds, int min, int max) =>
        TimeSpan.FromSeconds(Math.Clamp(seconds ?? (uint)min, (uint)min, (uint)Math.Max(min, max)));

    private void ExpireIfDue(SecondaryZone zone)
    {
        if (zone.Slot.Current is not { } held || zone.Slot.IsExpired || zone.LastRefreshed is not { } last)
        {
            return;
        }

        if (clock.GetUtcNow() - last > TimeSpan.FromSeconds(held.Timers.Expire))
        {
            zone.Slot.Expire();
            logger.LogError("nameserver: {Zone} expired: no master answered for {Expire} s; answering SERVFAIL until a transfer succeeds",
                zone.Slot.Origin, held.Timers.Expire);
        }
    }
}
