using System.Net;
using System.Net.Sockets;
using Zonal.Dns.Messages;

namespace Zonal.Tests.Wire;

/// <summary>Sends one query over UDP with our encoder and decodes the reply with our decoder.</summary>
public static class UdpExchange
{
    public static DnsMessage Ask(IPEndPoint server, DnsMessage query)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.ReceiveTimeout = 5000;
        socket.Connect(server);
        socket.Send(query.Encode());
        var buffer = new byte[DnsMessage.MaxSize];
        while (true)
        {
            var length = socket.Receive(buffer);
            var response = DnsMessage.Decode(buffer.AsSpan(0, length));
            if (response.Id == query.Id)
            {
                return response;
            }
        }
    }
}
