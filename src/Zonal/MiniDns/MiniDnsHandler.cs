using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.Tsig;
using Zonal.DnsServer;

namespace Zonal.MiniDns;

/// <summary>
/// MiniDNS's answers (contract §9): SOA and other queries for managed names with AA, AXFR and IXFR
/// for managed zones, NOTIFY for SECONDARY zones, REFUSED for anything else; a bad TSIG or unknown key gets no answer at all.
/// Reads storage only, so any number of instances may serve one database.
/// </summary>
public sealed class MiniDnsHandler(IServiceScopeFactory scopes, IOptions<ZonalOptions> zonal, IOptions<MiniDnsOptions> options, ILogger<MiniDnsHandler> logger)
    : IDnsRequestHandler
{
    public async Task HandleAsync(DnsRequest request, IDnsResponder responder, CancellationToken ct)
    {
        var query = request.Message;
        await using var scope = scopes.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<ZoneContentReader>();

        TsigContext? tsig = null;
        ZoneScopeFilter filter;
        if (query.Tsig is { } signature)
        {
            var key = await reader.TsigKeyAsync(signature.Name, ct);
            var verified = key is null ? null : Verify(key, request);
            if (key is null || verified is null)
            {
                logger.LogInformation("MiniDNS dropped {Request} from {Remote}: TSIG key {Key} unknown or signature invalid", query, request.Remote, signature.Name);
                return;
            }

            tsig = verified;
            filter = ZoneScopeFilter.ForKey(key);
        }
        else if (options.Value.QueryEnforceTsig)
        {
            await AnswerSender.RcodeAsync(responder, query, Rcode.Refused, null, ct);
            return;
        }
        else
        {
            filter = ZoneScopeFilter.Pool(zonal.Value.DefaultPool.Id);
        }

        if (query.Opcode == Opcode.Notify && query.Questions.Count == 1)
        {
            await scope.ServiceProvider.GetRequiredService<NotifyReceiver>().HandleAsync(request, responder, tsig, ct);
            return;
        }

        if (query.Opcode != Opcode.Query || query.Questions.Count != 1 || query.Questions[0].Class != RecordClass.IN)
        {
            await AnswerSender.RcodeAsync(responder, query, query.Opcode == Opcode.Notify ? Rcode.NotAuth : Rcode.Refused, tsig, ct);
            return;
        }

        var question = query.Questions[0];
        var zone = await reader.FindZoneAsync(question.Name, filter, ct);
        if (zone is null)
        {
            await AnswerSender.RcodeAsync(responder, query, Rcode.Refused, tsig, ct);
            return;
        }

        var transfer = new ZoneTransfer(reader, options.Value.MaxMessageSize);
        switch (question.Type)
        {
            case RecordType.AXFR or RecordType.IXFR when zone.Origin != question.Name:
                await AnswerSender.RcodeAsync(responder, query, Rcode.Refused, tsig, ct);
                break;
            case RecordType.AXFR when responder.Transport == DnsTransport.Udp:
                await AnswerSender.RcodeAsync(responder, query, Rcode.Refused, tsig, ct);
                break;
            case RecordType.AXFR:
                await transfer.AxfrAsync(query, zone, responder, tsig, ct);
                break;
            case RecordType.IXFR:
                if (ZoneTransfer.ClientSerial(query) is { } clientSerial)
                {
                    await transfer.IxfrAsync(query, zone, clientSerial, responder, tsig, ct);
                }
                else
                {
                    await AnswerSender.RcodeAsync(responder, query, Rcode.FormErr, tsig, ct);
                }

                break;
            default:
                await AnswerRRsetAsync(reader, query, zone, responder, tsig, ct);
                break;
        }
    }

    private static async Task AnswerRRsetAsync(ZoneContentReader reader, DnsMessage query, ServedZone zone, IDnsResponder responder, TsigContext? tsig, CancellationToken ct)
    {
        var question = query.Questions[0];
        var records = await reader.RRsetAsync(zone, question.Name, RecordTypeNames.ToText(question.Type), ct);
        if (records.Count == 0)
        {
            // MiniDNS is no resolver: it never says NXDOMAIN or NODATA.
            await AnswerSender.RcodeAsync(responder, query, Rcode.Refused, tsig, ct);
            return;
        }

        var answer = query.CreateResponse();
        answer.IsAuthoritative = true;
        answer.Answers.AddRange(records.Select(zone.ToRecord));
        await AnswerSender.SendAsync(responder, answer, tsig, ct);
    }

    private TsigContext? Verify(Storage.TsigKeyRow row, DnsRequest request)
    {
        TsigKey key;
        try
        {
            key = TsigKey.FromText(row.Name, row.Algorithm, row.Secret);
        }
        catch (DnsFormatException e)
        {
            logger.LogWarning("MiniDNS cannot use TSIG key {Key}: {Reason}", row.Name, e.Message);
            return null;
        }

        var verification = new TsigVerifier(new TsigKeyring([key])).VerifyRequest(request.Wire.Span);
        return verification.IsValid ? new TsigContext(key, verification.Mac) : null;
    }
}
