using System.Net;
using System.Net.Sockets;
using Zonal.Dns;
using Zonal.Dns.Messages;

namespace Zonal.MiniDns;

/// <summary>One UDP question to a nameserver and its answer, ignoring stray datagrams that do not match.</summary>
internal static class DnsUdpExchange
{
    /// <summary>Returns the answer, or null when none came within <paramref name="timeout"/>.</summary>
    public static async Task<DnsMessage?> AskAsync(DnsMessage query, IPEndPoint server, TimeSpan timeout, CancellationToken ct)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(server);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var buffer = new byte[65535];
        try
        {
            await socket.SendAsync(query.Encode(), SocketFlags.None, deadline.Token);
            while (true)
            {
                int length = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
                DnsMessage answer;
                try
                {
                    answer = DnsMessage.Decode(buffer.AsSpan(0, length));
                }
                catch (DnsFormatException)
                {
                    continue;
                }

                if (answer.IsResponse && answer.Id == query.Id && answer.Opcode == query.Opcode)
                {
                    return answer;
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
        catch (SocketException)
        {
            // Port unreachable and the like: the same as no answer, after the timeout a caller would wait anyway.
            return null;
        }
    }

    /// <summary>Resolves "host" (an address or a name) and port to an endpoint.</summary>
    public static async Task<IPEndPoint> ResolveAsync(string host, int port, CancellationToken ct)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return new IPEndPoint(address, port);
        }

        var addresses = await System.Net.Dns.GetHostAddressesAsync(host, ct);
        return new IPEndPoint(addresses.Length > 0 ? addresses[0] : throw new SocketException((int)SocketError.HostNotFound), port);
    }

    public static ushort NewId() => (ushort)Random.Shared.Next(ushort.MaxValue + 1);

    /// <summary>The SERIAL of an SOA record's RDATA.</summary>
    public static uint SoaSerial(DnsRecord soa)
    {
        var wire = new WireReader(soa.Data);
        wire.ReadName();
        wire.ReadName();
        return wire.ReadUInt32();
    }
}
