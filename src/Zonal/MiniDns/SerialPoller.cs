using Microsoft.Extensions.Logging;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.MiniDns;
using Zonal.Messaging.Contracts.Worker;

namespace Zonal.MiniDns;

/// <summary>
/// Seed 001's poll_for_serial_number, with its result rules: actual ≥ expected → SUCCESS with actual;
/// actual &lt; expected → ask again after the retry interval until max_retries, then ERROR with actual;
/// no answer → ERROR with no serial. For DELETE the zone must be gone: an answer without the zone
/// (NXDOMAIN, REFUSED, NOTAUTH, no SOA) is SUCCESS with serial 0, a served SOA keeps polling.
/// </summary>
public sealed class SerialPoller(IMessageBus bus, ILogger<SerialPoller> logger) : ICastHandler<PollForSerialNumber>
{
    public async Task HandleAsync(PollForSerialNumber cast, CancellationToken ct)
    {
        var (status, serial) = await PollAsync(cast, ct);
        await bus.CastAsync(new NameserverStatus(cast.ZoneId, cast.Action, cast.Host, cast.Port, status, serial), ct);
    }

    private async Task<(string Status, long? Serial)> PollAsync(PollForSerialNumber cast, CancellationToken ct)
    {
        var server = await DnsUdpExchange.ResolveAsync(cast.Host, cast.Port, ct);
        var zone = DnsName.Parse(cast.ZoneName, DnsName.Root);
        bool deleting = cast.Action == ChangeAction.Delete;
        int attempts = Math.Max(1, cast.MaxRetries);
        long? actual = null;
        for (int attempt = 1; attempt <= attempts; attempt++)
        {
            var query = DnsMessage.CreateQuery(DnsUdpExchange.NewId(), zone, RecordType.SOA);
            var answer = await DnsUdpExchange.AskAsync(query, server, TimeSpan.FromMilliseconds(cast.TimeoutMs), ct);
            if (answer is not null)
            {
                long? served = ServedSerial(answer, zone);
                if (deleting && served is null)
                {
                    return (NameserverOutcome.Success, 0);
                }

                actual = served ?? actual;
                if (!deleting && served >= cast.ExpectedSerial)
                {
                    return (NameserverOutcome.Success, served);
                }
            }

            if (attempt < attempts)
            {
                await Task.Delay(cast.RetryIntervalMs, ct);
            }
        }

        // Debug: the worker polls in rounds, so a nameserver behind is routine; its verdict names every reading.
        logger.LogDebug("serial poll of {Zone} at {Server}: expected {Expected}, last seen {Actual}, after {Attempts} attempts",
            cast.ZoneName, server, cast.ExpectedSerial, actual?.ToString() ?? "no answer", attempts);
        return (NameserverOutcome.Error, actual);
    }

    /// <summary>The serial of the zone's SOA in an authoritative answer, or null when the server does not serve the zone.</summary>
    private static long? ServedSerial(DnsMessage answer, DnsName zone)
    {
        if (answer.Rcode != Rcode.NoError)
        {
            return null;
        }

        var soa = answer.Answers.FirstOrDefault(r => r.Type == RecordType.SOA && r.Name == zone);
        return soa is null ? null : DnsUdpExchange.SoaSerial(soa);
    }
}
