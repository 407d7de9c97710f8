using System.Net;
using System.Net.Sockets;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.Tsig;

namespace Zonal.Tests.Tsig;

/// <summary>Sends TSIG-signed queries as raw bytes over UDP or TCP and returns the raw answers.</summary>
public static class TsigExchange
{
    /// <summary>A query for <paramref name="name"/>/<paramref name="type"/>, signed when a signer is given; returns the bytes and the request MAC.</summary>
    public static (byte[] Query, byte[] Mac) Query(string name, RecordType type, TsigSigner? signer, ushort id = 0x4242)
    {
        using var writer = new WireWriter();
        writer.WriteBytes(DnsMessage.CreateQuery(id, DnsName.Parse(name), type).Encode());
        var mac = signer?.SignRequest(writer) ?? [];
        return (writer.WrittenSpan.ToArray(), mac);
    }

    public static byte[] Udp(IPEndPoint server, byte[] query)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.ReceiveTimeout = 5000;
        socket.Connect(server);
        socket.Send(query);
        var buffer = new byte[DnsMessage.MaxSize];
        int length = socket.Receive(buffer);
        return buffer[..length];
    }

    /// <summary>Sends one query over TCP and reads answers until the server closes or <paramref name="done"/> says stop.</summary>
    public static async Task<List<byte[]>> TcpAsync(IPEndPoint server, byte[] query, Func<List<byte[]>, bool> done)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.ConnectAsync(server, timeout.Token);
        var stream = client.GetStream();
        using var writer = new DnsTcpWriter(stream);
        await writer.WriteFrameAsync(query, timeout.Token);
        await writer.FlushAsync(timeout.Token);
        using var reader = new DnsTcpReader(stream);
        var messages = new List<byte[]>();
        while (await reader.ReadFrameAsync(timeout.Token))
        {
            messages.Add(reader.Frame.ToArray());
            if (done(messages))
            {
                break;
            }
        }

        return messages;
    }

    public static Rcode RcodeOf(byte[] message) => (Rcode)(message[3] & 0xF);
}
