using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.Tsig;

namespace Zonal.DnsClient;

/// <summary>One UDP question to a server and its answer, ignoring stray datagrams that do not match.</summary>
public static class DnsUdpExchange
{
    /// <summary>
    /// Returns the answer, or null when none came within <paramref name="timeout"/>. With a key the question
    /// is TSIG-signed, and an answer that fails the check throws <see cref="TransferException"/>.
    /// </summary>
    public static async Task<DnsMessage?> AskAsync(DnsMessage query, IPEndPoint server, TimeSpan timeout, CancellationToken ct, TsigKey? key = null, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(server);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        using var writer = new WireWriter();
        query.Encode(writer);
        var requestMac = key is null ? [] : new TsigSigner(key, clock).SignRequest(writer);
        var buffer = new byte[DnsMessage.MaxSize];
        try
        {
            await socket.SendAsync(writer.WrittenMemory, SocketFlags.None, deadline.Token);
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
                    ResponseSignature.Check(buffer.AsSpan(0, length), key, requestMac, server, clock);
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

    /// <summary>A query id nobody off the path can guess (RFC 5452 §9.2).</summary>
    public static ushort NewId() => (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
}
