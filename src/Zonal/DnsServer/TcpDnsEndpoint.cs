using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Zonal.Dns;
using Zonal.Dns.Messages;

namespace Zonal.DnsServer;

/// <summary>
/// Serves one TCP listening socket: each connection reads length-framed requests one after another
/// (RFC 7766 §6.2.1) until the client closes, stays idle past the receive timeout, or breaks framing.
/// </summary>
internal sealed class TcpDnsEndpoint(Socket listener, DnsRequestProcessor processor, DnsListenerOptions options, ILogger logger)
{
    private readonly IPEndPoint _local = (IPEndPoint)listener.LocalEndPoint!;
    private int _connections;

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                logger.LogDebug("{Listener}: TCP accept on {Local} failed: {Reason}", options.Name, _local, e.SocketErrorCode);
                continue;
            }

            if (Interlocked.Increment(ref _connections) > options.MaxTcpConnections)
            {
                Interlocked.Decrement(ref _connections);
                logger.LogWarning("{Listener}: {Max} TCP connections open; closing the one from {Remote}", options.Name, options.MaxTcpConnections, client.RemoteEndPoint);
                client.Dispose();
                continue;
            }

            _ = ServeAsync(client, ct);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken ct)
    {
        var remote = (IPEndPoint)client.RemoteEndPoint!;
        try
        {
            client.NoDelay = true;
            await using var stream = new NetworkStream(client, ownsSocket: true);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var reader = new DnsTcpReader(stream);
            using var writer = new DnsTcpWriter(stream);
            using var responder = new TcpResponder(writer, deadline, options.TcpSendTimeout);
            while (true)
            {
                deadline.CancelAfter(options.TcpReceiveTimeout);
                if (!await reader.ReadFrameAsync(deadline.Token))
                {
                    return;
                }

                deadline.CancelAfter(options.TcpSendTimeout);
                if (!await processor.ProcessAsync(reader.Frame, remote, _local, responder, deadline.Token))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or DnsFormatException or ObjectDisposedException)
        {
            // Idle past the timeout, closed inside a frame, or reset: the connection simply ends.
            logger.LogDebug("{Listener}: TCP connection from {Remote} ended: {Reason}", options.Name, remote, e.Message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Listener}: TCP connection from {Remote} failed", options.Name, remote);
        }
        finally
        {
            Interlocked.Decrement(ref _connections);
        }
    }
}
