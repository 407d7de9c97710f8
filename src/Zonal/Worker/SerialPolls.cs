using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.MiniDns;

namespace Zonal.Worker;

/// <summary>
/// Asks MiniDNS to poll the pool's nameservers in rounds until enough of them serve the change:
/// the first round right after the NOTIFY (poll_delay), then waits that double each round up to
/// poll_retry_interval, for at most poll_max_retries more rounds. Each round polls only the
/// nameservers not yet confirmed. Within the early window a long wait is split by extra polls,
/// which are not retries: the rounds, and when the change is given up, stay where they were.
/// </summary>
public sealed class SerialPolls(IMessageBus bus, PollRounds rounds, IOptions<ZonalOptions> options, TimeProvider clock)
{
    private WorkerOptions Worker => options.Value.Worker;

    /// <param name="renotify">Sends the change's NOTIFYs again; called before each round once RenotifyAfter has passed.</param>
    public async Task<PollVerdict> PollAsync(ZoneChange change, Func<Task> renotify, CancellationToken ct)
    {
        var tally = new ConsensusTally(change, Worker.ThresholdPercentage);
        if (tally.Reached)
        {
            return tally.Verdict();
        }

        using var inbox = rounds.Open(change.ZoneId);
        await Task.Delay(TimeSpan.FromSeconds(Worker.PollDelay), clock, ct);
        var began = clock.GetTimestamp();
        for (var round = 0; ; round++)
        {
            await PollOnceAsync(change, tally, inbox, round, ct);
            if (tally.Reached || round >= Worker.PollMaxRetries)
            {
                return tally.Verdict();
            }

            if (Worker.RenotifyAfter > 0 && clock.GetElapsedTime(began) >= TimeSpan.FromSeconds(Worker.RenotifyAfter))
            {
                await renotify();
            }

            for (var due = Worker.RetryDelay(round); ;)
            {
                var wait = Worker.PollWait(clock.GetElapsedTime(began), due);
                await Task.Delay(wait, clock, ct);
                due -= wait;
                if (due <= TimeSpan.Zero)
                {
                    break;
                }

                await PollOnceAsync(change, tally, inbox, round, ct);
                if (tally.Reached)
                {
                    return tally.Verdict();
                }
            }
        }
    }

    /// <summary>Polls every unconfirmed nameserver once and takes the replies until all came or the round timed out.</summary>
    private async Task PollOnceAsync(ZoneChange change, ConsensusTally tally, PollInbox inbox, int round, CancellationToken ct)
    {
        var outstanding = tally.Unconfirmed.Select(ConsensusTally.Key).ToHashSet();
        foreach (var nameserver in tally.Unconfirmed)
        {
            await bus.CastAsync(new PollForSerialNumber(change.ZoneId, change.ZoneName, change.Action, change.ExpectedSerial,
                nameserver.Host, nameserver.Port, Worker.PollTimeoutMs, (int)Worker.RetryDelay(round).TotalMilliseconds, MaxRetries: 1), ct);
        }

        var roundEnd = clock.GetTimestamp() + (long)(Worker.RoundTimeout.TotalSeconds * clock.TimestampFrequency);
        while (outstanding.Count > 0 && !tally.Reached)
        {
            var reply = await inbox.NextAsync(clock.GetElapsedTime(clock.GetTimestamp(), roundEnd), ct);
            if (reply is null)
            {
                return;
            }

            if (tally.Record(reply))
            {
                outstanding.Remove($"{reply.Host}:{reply.Port}");
            }
        }
    }
}
