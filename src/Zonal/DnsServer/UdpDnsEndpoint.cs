using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Zonal.DnsServer;

/// <summary>
/// Serves one UDP socket: each datagram lands in a pooled buffer and is handled on the thread pool,
/// at most <see cref="DnsListenerOptions.MaxConcurrentUdpRequests"/> at a time.
/// </summary>
internal sealed class UdpDnsEndpoint(Socket socket, DnsRequestProcessor processor, int maxConcurrent, ILogger logger, string name)
{
    private const int MaxDatagramSize = 65535;

    private readonly SemaphoreSlim _slots = new(maxConcurrent, maxConcurrent);
    private readonly IPEndPoint _local = (IPEndPoint)socket.LocalEndPoint!;

    public async Task RunAsync(CancellationToken ct)
    {
        EndPoint any = _local.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        while (!ct.IsCancellationRequested)
        {
            byte[]? buffer = null;
            try
            {
                await _slots.WaitAsync(ct);
                buffer = ArrayPool<byte>.Shared.Rent(MaxDatagramSize);
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, ct);
                _ = HandleAsync(buffer, received.ReceivedBytes, (IPEndPoint)received.RemoteEndPoint, ct);
                buffer = null;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                // An ICMP error from an earlier answer, or a datagram too large: the socket itself is fine.
                logger.LogDebug("{Listener}: UDP receive on {Local} failed: {Reason}", name, _local, e.SocketErrorCode);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            finally
            {
                if (buffer is not null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    _slots.Release();
                }
            }
        }
    }

    private async Task HandleAsync(byte[] buffer, int length, IPEndPoint remote, CancellationToken ct)
    {
        try
        {
            await Task.Yield();
            using var responder = new UdpResponder(socket, remote);
            await processor.ProcessAsync(buffer.AsMemory(0, length), remote, _local, responder, ct);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            logger.LogDebug("{Listener}: UDP answer to {Remote} not sent: {Reason}", name, remote, e.Message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Listener}: UDP request from {Remote} failed", name, remote);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _slots.Release();
        }
    }
}
