using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.DnsServer;

namespace Zonal.MiniDns;

/// <summary>Sends one answer, signed when the request was, leaving room for the TSIG in the size limit.</summary>
internal static class AnswerSender
{
    public static async ValueTask SendAsync(IDnsResponder responder, DnsMessage answer, TsigContext? tsig, CancellationToken ct)
    {
        if (tsig is null)
        {
            await responder.SendAsync(answer, ct);
            return;
        }

        using var writer = new WireWriter(1024);
        answer.Encode(writer, responder.MaxMessageSize - TsigContext.ReservedSpace);
        tsig.Sign(writer);
        await responder.SendAsync(writer.WrittenMemory, ct);
    }

    /// <summary>True when the answer fits the client's limit whole (after the TSIG reserve).</summary>
    public static bool Fits(IDnsResponder responder, DnsMessage answer, TsigContext? tsig)
    {
        using var writer = new WireWriter(1024);
        return !answer.Encode(writer, responder.MaxMessageSize - (tsig is null ? 0 : TsigContext.ReservedSpace));
    }

    public static ValueTask RcodeAsync(IDnsResponder responder, DnsMessage request, Rcode rcode, TsigContext? tsig, CancellationToken ct) =>
        SendAsync(responder, request.CreateResponse(rcode), tsig, ct);
}
