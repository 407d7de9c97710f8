using Microsoft.Extensions.Logging;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.DnsClient;
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
public sealed class SerialPoller(IMessageBus bus, TimeProvider clock, ILogger<SerialPoller> logger) : ICastHandler<PollForSerialNumber>
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
            var answer = await SoaSerialQuery.AskAsync(server, zone, null, TimeSpan.FromMilliseconds(cast.TimeoutMs), clock, ct);
            if (answer is not null)
            {
                // The zone is served when the answer carries its SOA without an error.
                long? served = answer.Rcode == Rcode.NoError ? answer.Serial : null;
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
}
