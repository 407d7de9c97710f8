using System.Net;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.Tsig;
using Zonal.DnsServer;

namespace Zonal.Nameserver;

/// <summary>
/// The builtin nameserver behind a <see cref="DnsListener"/>: QUERY answered from the zone store, NOTIFY
/// handed to the secondary zones, other opcodes NOTIMP. A request signed with a zone's TSIG key gets a
/// signed answer; a bad signature gets the RFC 8945 error answer. The listener has already answered
/// what did not decode and cuts UDP answers to the client's size.
/// </summary>
public sealed class NameserverRequestHandler(SecondaryZones zones, TimeProvider clock) : IDnsRequestHandler
{
    public async Task HandleAsync(DnsRequest request, IDnsResponder responder, CancellationToken ct)
    {
        if (request.Message.Tsig is null)
        {
            await responder.SendAsync(Answer(request.Message, request.Remote.Address), ct);
            return;
        }

        using var output = new WireWriter(1024);
        var verification = new TsigVerifier(zones.Keyring, clock).VerifyRequest(request.Wire.Span);
        if (!verification.IsValid)
        {
            TsigErrorResponse.Write(output, request.Wire.Span, verification, clock);
        }
        else
        {
            var key = verification.Key!;
            Answer(request.Message, request.Remote.Address).Encode(output, responder.MaxMessageSize - TsigSpace(key));
            new TsigSigner(key, clock).SignResponse(output, verification.Mac);
        }

        await responder.SendAsync(output.WrittenMemory, ct);
    }

    /// <summary>The response to a decoded request, before any TSIG.</summary>
    public DnsMessage Answer(DnsMessage query, IPAddress source)
    {
        var response = query.CreateResponse();
        if (query.Edns is { Version: > 0 })
        {
            response.Rcode = Rcode.BadVers;
            return response;
        }

        if (query.Questions.Count != 1)
        {
            response.Rcode = Rcode.FormErr;
            return response;
        }

        var question = query.Questions[0];
        switch (query.Opcode)
        {
            case Opcode.Query:
                AnswerQuery(question, response);
                break;
            case Opcode.Notify:
                bool accepted = zones.Notify(question.Name, source) == NotifyOutcome.Accepted;
                response.Rcode = accepted ? Rcode.NoError : Rcode.Refused;
                response.IsAuthoritative = accepted;
                break;
            default:
                response.Rcode = Rcode.NotImp;
                break;
        }

        return response;
    }

    private void AnswerQuery(DnsQuestion question, DnsMessage response)
    {
        // Transfers are not offered: this server is a secondary only.
        if (question.Class is not (RecordClass.IN or RecordClass.ANY) || question.Type is RecordType.AXFR or RecordType.IXFR)
        {
            response.Rcode = Rcode.Refused;
            return;
        }

        var slot = zones.Store.FindZoneOf(question.Name);
        if (slot is null)
        {
            response.Rcode = Rcode.Refused;
            return;
        }

        if (slot.Serving is not { } version)
        {
            // Held but not transferred yet, or expired: BIND answers SERVFAIL too.
            response.Rcode = Rcode.ServFail;
            return;
        }

        AuthoritativeAnswer.Fill(version, question, response);
    }

    /// <summary>Octets the TSIG record of a signed answer takes: owner, RR header, algorithm, fixed fields, MAC.</summary>
    private static int TsigSpace(TsigKey key) => key.Name.WireLength + 10 + key.Algorithm.Name.WireLength + 16 + key.Algorithm.MacSize;
}
