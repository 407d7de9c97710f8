using System.Text.Json;
using Microsoft.Extensions.Logging;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.DnsServer;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Worker;

namespace Zonal.MiniDns;

/// <summary>
/// A NOTIFY to MiniDNS (contract §9): about a SECONDARY zone of that name in any pool (none: NOTAUTH),
/// from one of its masters (else REFUSED). The answer carries AA; the worker then asks that master
/// for its serial and transfers the zone when it differs from ours.
/// </summary>
public sealed class NotifyReceiver(ZoneContentReader reader, IMessageBus bus, ILogger<NotifyReceiver> logger)
{
    public async Task HandleAsync(DnsRequest request, IDnsResponder responder, TsigContext? tsig, CancellationToken ct)
    {
        var query = request.Message;
        var zone = await reader.SecondaryZoneAsync(query.Questions[0].Name, ct);
        if (zone is null)
        {
            await AnswerSender.RcodeAsync(responder, query, Rcode.NotAuth, tsig, ct);
            return;
        }

        var sender = request.Remote.Address.IsIPv4MappedToIPv6 ? request.Remote.Address.MapToIPv4() : request.Remote.Address;
        var masters = await SecondaryMasters.ResolveAsync(JsonSerializer.Deserialize<List<string>>(zone.Masters) ?? [], null, [], ct);
        var master = masters.FirstOrDefault(m => m.Address.Equals(sender));
        if (master is null)
        {
            logger.LogInformation("MiniDNS refused a NOTIFY for {Zone} from {Remote}: not one of its masters", zone.Name, request.Remote);
            await AnswerSender.RcodeAsync(responder, query, Rcode.Refused, tsig, ct);
            return;
        }

        var answer = query.CreateResponse();
        answer.IsAuthoritative = true;
        await AnswerSender.SendAsync(responder, answer, tsig, ct);
        await bus.CastAsync(new TransferZone(zone.Id, TransferCondition.MasterDiffers, master.ToString()), ct);
    }
}
