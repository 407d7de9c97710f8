using Microsoft.Extensions.Logging;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.DnsClient;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.MiniDns;
using Zonal.Messaging.Contracts.Worker;

namespace Zonal.MiniDns;

/// <summary>
/// Seed 001's notify_zone_changed: a NOTIFY for the zone (RFC 1996) to one destination, sent again after
/// the retry interval while no answer comes, at most max_retries times. An answer with NOERROR is
/// SUCCESS; an error answer or silence is ERROR. There is no serial to tell, so ActualSerial is null.
/// </summary>
public sealed class NotifySender(IMessageBus bus, ILogger<NotifySender> logger) : ICastHandler<NotifyZoneChanged>
{
    public async Task HandleAsync(NotifyZoneChanged cast, CancellationToken ct)
    {
        var status = await NotifyAsync(cast, ct);
        await bus.CastAsync(new NameserverStatus(cast.ZoneId, cast.Action, cast.Host, cast.Port, status, null), ct);
    }

    private async Task<string> NotifyAsync(NotifyZoneChanged cast, CancellationToken ct)
    {
        var server = await DnsUdpExchange.ResolveAsync(cast.Host, cast.Port, ct);
        var zone = DnsName.Parse(cast.ZoneName, DnsName.Root);
        int attempts = Math.Max(1, cast.MaxRetries);
        for (int attempt = 1; attempt <= attempts; attempt++)
        {
            var notify = DnsMessage.CreateQuery(DnsUdpExchange.NewId(), zone, RecordType.SOA, opcode: Opcode.Notify);
            notify.IsAuthoritative = true;
            var answer = await DnsUdpExchange.AskAsync(notify, server, TimeSpan.FromMilliseconds(cast.TimeoutMs), ct);
            if (answer is not null)
            {
                if (answer.Rcode == Rcode.NoError)
                {
                    return NameserverOutcome.Success;
                }

                logger.LogWarning("NOTIFY for {Zone} to {Server} answered {Rcode}", cast.ZoneName, server, RcodeNames.ToText(answer.Rcode));
                return NameserverOutcome.Error;
            }

            if (attempt < attempts)
            {
                await Task.Delay(cast.RetryIntervalMs, ct);
            }
        }

        logger.LogWarning("NOTIFY for {Zone} to {Server}: no answer after {Attempts} attempts", cast.ZoneName, server, attempts);
        return NameserverOutcome.Error;
    }
}
