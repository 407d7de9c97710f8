using System.Net;
using System.Net.Sockets;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.Tsig;

namespace Zonal.DnsClient;

/// <summary>DNS over TCP (RFC 7766): a connection, a question sent on it (TSIG-signed with a key), one answer read back.</summary>
public static class DnsTcpExchange
{
    public static async Task<NetworkStream> ConnectAsync(IPEndPoint server, CancellationToken ct)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(server, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="query"/>; returns the request MAC its answers are signed over (empty without a key).</summary>
    public static async Task<byte[]> SendAsync(NetworkStream connection, DnsMessage query, TsigKey? key, TimeProvider clock, CancellationToken ct)
    {
        using var writer = new WireWriter();
        query.Encode(writer);
        var requestMac = key is null ? [] : new TsigSigner(key, clock).SignRequest(writer);
        using var tcp = new DnsTcpWriter(connection);
        await tcp.WriteFrameAsync(writer.WrittenMemory, ct);
        return requestMac;
    }

    /// <summary>One question and its one answer, checked against the key when there is one.</summary>
    public static async Task<DnsMessage> AskAsync(NetworkStream connection, IPEndPoint server, DnsMessage query, TsigKey? key, TimeProvider clock, CancellationToken ct)
    {
        var requestMac = await SendAsync(connection, query, key, clock, ct);
        using var reader = new DnsTcpReader(connection);
        if (!await reader.ReadFrameAsync(ct))
        {
            throw new TransferException($"{server} closed the connection before an answer");
        }

        ResponseSignature.Check(reader.Frame.Span, key, requestMac, server, clock);
        return DnsMessage.Decode(reader.Frame.Span);
    }
}
