using Zonal.Messaging;
using Zonal.Messaging.Contracts.MiniDns;
using Zonal.Messaging.Contracts.Worker;
using Zonal.Tests.Oracle;

namespace Zonal.Tests.Worker;

/// <summary>
/// Stands in for MiniDNS's serial polls with real SOA queries (dig) at the nameservers, answering by
/// seed 001's rules: serial ≥ expected is SUCCESS; lower is polled again after the retry interval up
/// to max_retries, then ERROR; for DELETE a missing zone is SUCCESS; no answer is ERROR with no serial.
/// NOTIFY is left out: a nameserver given a zone by rndc transfers it at once.
/// </summary>
public sealed class DigMiniDns(IMessageBus bus) : ICastHandler<PollForSerialNumber>, ICastHandler<NotifyZoneChanged>
{
    public Task HandleAsync(NotifyZoneChanged cast, CancellationToken ct) => Task.CompletedTask;

    public async Task HandleAsync(PollForSerialNumber cast, CancellationToken ct)
    {
        var (answered, serial) = (false, (long?)null);
        for (var attempt = 0; attempt <= cast.MaxRetries; attempt++)
        {
            (answered, serial) = Query(cast);
            var reached = cast.Action == "DELETE" ? answered && serial is null : serial >= cast.ExpectedSerial;
            if (reached)
            {
                // As MiniDNS's SerialPoller: a zone found gone is serial 0 (a serial-less SUCCESS is a NOTIFY's).
                await bus.CastAsync(new NameserverStatus(cast.ZoneId, cast.Action, cast.Host, cast.Port, "SUCCESS", serial ?? 0), ct);
                return;
            }

            await Task.Delay(cast.RetryIntervalMs, ct);
        }

        await bus.CastAsync(new NameserverStatus(cast.ZoneId, cast.Action, cast.Host, cast.Port, "ERROR", serial), ct);
    }

    /// <summary>Whether the nameserver answered at all, and the zone's serial when it serves the zone.</summary>
    private static (bool Answered, long? Serial) Query(PollForSerialNumber cast)
    {
        var result = ProcessRunner.Run(BindTools.Dig,
            ["@" + cast.Host, "-p", cast.Port.ToString(), "+time=1", "+tries=1", "+norecurse", cast.ZoneName, "SOA"], TimeSpan.FromSeconds(10));
        if (!result.Succeeded)
        {
            return (false, null);
        }

        var soa = result.StandardOutput.Split('\n')
            .Select(line => line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .FirstOrDefault(fields => fields.Length >= 7 && fields[3] == "SOA" && !fields[0].StartsWith(';'));
        return (true, result.StandardOutput.Contains("status: NOERROR", StringComparison.Ordinal) && soa is not null ? long.Parse(soa[6]) : null);
    }
}
