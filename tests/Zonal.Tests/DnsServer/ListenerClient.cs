using System.Net;
using System.Net.Sockets;
using Zonal.Dns;
using Zonal.Dns.Messages;

namespace Zonal.Tests.DnsServer;

/// <summary>Plain UDP and TCP DNS exchanges against a listener under test, with short timeouts.</summary>
internal static class ListenerClient
{
    public static DnsMessage Query(string name, ushort id = 4242, Edns? edns = null)
    {
        var query = DnsMessage.CreateQuery(id, DnsName.Parse(name, DnsName.Root), RecordType.A);
        query.Edns = edns;
        return query;
    }

    /// <summary>Sends one datagram; returns the answer's octets, or null when none came within the timeout.</summary>
    public static byte[]? Udp(IPEndPoint server, ReadOnlySpan<byte> request, int timeoutMs = 2000)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.ReceiveTimeout = timeoutMs;
        socket.SendTo(request, server);
        var buffer = new byte[65535];
        try
        {
            int length = socket.Receive(buffer);
            return buffer[..length];
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
        {
            return null;
        }
    }

    public static DnsMessage UdpQuery(IPEndPoint server, DnsMessage query) =>
        DnsMessage.Decode(Udp(server, query.Encode()) ?? throw new TimeoutException($"no UDP answer from {server}"));

    public static async Task<TcpClient> ConnectAsync(IPEndPoint server)
    {
        var client = new TcpClient(server.AddressFamily);
        await client.ConnectAsync(server.Address, server.Port);
        return client;
    }
}
