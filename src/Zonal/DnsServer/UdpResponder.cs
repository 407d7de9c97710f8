using System.Net;
using System.Net.Sockets;
using Zonal.Dns.Messages;

namespace Zonal.DnsServer;

/// <summary>Answers one datagram: one message at most, sized to what the client advertised.</summary>
internal sealed class UdpResponder(Socket socket, IPEndPoint remote) : DnsResponder
{
    public override DnsTransport Transport => DnsTransport.Udp;

    public override void Limit(DnsMessage request)
    {
        base.Limit(request);
        MaxMessageSize = Edns.ResponseSizeLimit(request.Edns);
    }

    protected override async ValueTask WriteAsync(ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        if (SentCount > 0)
        {
            throw new InvalidOperationException("a UDP request gets one answer; send several only over TCP");
        }

        await socket.SendToAsync(message, SocketFlags.None, remote, ct);
    }
}
