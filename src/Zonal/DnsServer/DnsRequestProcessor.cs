using System.Net;
using Microsoft.Extensions.Logging;
using Zonal.Dns.Messages;

namespace Zonal.DnsServer;

/// <summary>
/// What UDP and TCP share: decode, answer what does not decode with FORMERR (or drop it), ignore
/// responses, run the handler, and turn a handler failure into SERVFAIL instead of a crash.
/// </summary>
internal sealed class DnsRequestProcessor(IDnsRequestHandler handler, ILogger logger, string name)
{
    /// <summary>Returns false when an answer stream broke half way, so a TCP connection must close.</summary>
    public async Task<bool> ProcessAsync(ReadOnlyMemory<byte> wire, IPEndPoint remote, IPEndPoint local, DnsResponder responder, CancellationToken ct)
    {
        DnsMessage message;
        try
        {
            message = DnsMessage.Decode(wire.Span);
        }
        catch (Exception e)
        {
            // Any failure to decode is the packet's fault; never let one escape the loop.
            logger.LogDebug("{Listener}: malformed {Transport} request from {Remote}: {Reason}", name, responder.Transport, remote, e.Message);
            await responder.SendFormErrAsync(wire, ct);
            return true;
        }

        if (message.IsResponse)
        {
            return true;
        }

        responder.Limit(message);
        try
        {
            await handler.HandleAsync(new DnsRequest(message, wire, responder.Transport, remote, local), responder, ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Listener}: handler failed on {Request} from {Remote}", name, message, remote);
            if (responder.SentCount > 0)
            {
                return false;
            }

            await responder.SendAsync(message.CreateResponse(Rcode.ServFail), ct);
            return true;
        }
    }
}
