using System.Buffers.Binary;
using System.Net;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.Tsig;

namespace Zonal.Nameserver;

/// <summary>
/// Turns one request into one response for the builtin nameserver, whatever carried it: QUERY answered
/// from the zone store, NOTIFY handed to the secondary zones, anything else NOTIMP. Malformed requests
/// get FORMERR when their header can be read and are dropped otherwise; responses are never answered.
/// UDP answers are cut to the client's EDNS size by the message encoder, which sets TC.
/// </summary>
public sealed class NameserverResponder(SecondaryZones zones, TimeProvider clock)
{
    /// <summary>
    /// Writes the response to <paramref name="request"/> into <paramref name="output"/>; returns false when
    /// nothing must be sent.
    /// </summary>
    public bool Respond(ReadOnlySpan<byte> request, IPAddress source, bool overTcp, WireWriter output)
    {
        if (request.Length < DnsMessage.HeaderSize || (request[2] & 0x80) != 0)
        {
            return false;
        }

        DnsMessage query;
        try
        {
            query = DnsMessage.Decode(request);
        }
        catch (DnsFormatException)
        {
            WriteFormErr(request, output);
            return true;
        }

        TsigVerification verification = default;
        if (query.Tsig is not null)
        {
            verification = new TsigVerifier(zones.Keyring, clock).VerifyRequest(request);
            if (!verification.IsValid)
            {
                TsigErrorResponse.Write(output, request, verification, clock);
                return true;
            }
        }

        var response = Answer(query, source);
        int limit = overTcp ? DnsMessage.MaxSize : Edns.ResponseSizeLimit(query.Edns);
        response.Encode(output, verification.Key is { } key ? limit - TsigSpace(key) : limit);
        if (verification.IsValid)
        {
            new TsigSigner(verification.Key!, clock).SignResponse(output, verification.Mac);
        }

        return true;
    }

    private DnsMessage Answer(DnsMessage query, IPAddress source)
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
                response.Rcode = zones.Notify(question.Name, source) == NotifyOutcome.Accepted ? Rcode.NoError : Rcode.Refused;
                response.IsAuthoritative = response.Rcode == Rcode.NoError;
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
            // Held but not loaded yet, or expired: BIND answers SERVFAIL too.
            response.Rcode = Rcode.ServFail;
            return;
        }

        AuthoritativeAnswer.Fill(version, question, response);
    }

    /// <summary>Octets the TSIG record of a signed response takes: owner, RR header, algorithm, fixed fields, MAC.</summary>
    private static int TsigSpace(TsigKey key) => key.Name.WireLength + 10 + key.Algorithm.Name.WireLength + 16 + key.Algorithm.MacSize;

    /// <summary>FORMERR with the request's id and opcode and nothing else: its body could not be trusted.</summary>
    private static void WriteFormErr(ReadOnlySpan<byte> request, WireWriter output)
    {
        output.Reset();
        output.WriteUInt16(BinaryPrimitives.ReadUInt16BigEndian(request));
        output.WriteUInt16((ushort)(0x8000 | (request[2] & 0x79) << 8 | (ushort)Rcode.FormErr));
        output.WriteUInt32(0);
        output.WriteUInt32(0);
    }
}
