using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Zonal.DnsServer;

/// <summary>
/// A DNS server front: binds UDP and TCP on every configured endpoint and hands each decoded request
/// to one <see cref="IDnsRequestHandler"/>. Knows nothing of zones; MiniDNS and the builtin nameserver
/// each put their own handler behind one.
/// </summary>
public sealed class DnsListener : IAsyncDisposable
{
    private const int PortAttempts = 20;

    private readonly DnsListenerOptions _options;
    private readonly ILogger _logger;
    private readonly DnsRequestProcessor _processor;
    private readonly List<Socket> _sockets = [];
    private readonly List<Task> _loops = [];
    private readonly CancellationTokenSource _stopping = new();

    public DnsListener(DnsListenerOptions options, IDnsRequestHandler handler, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _logger = logger;
        _processor = new DnsRequestProcessor(handler, logger, options.Name);
    }

    /// <summary>The endpoints actually bound (a configured port 0 shows here as the port chosen).</summary>
    public IReadOnlyList<IPEndPoint> BoundEndPoints { get; private set; } = [];

    /// <summary>Binds every endpoint (a bind failure throws here, not later) and starts serving.</summary>
    public void Start()
    {
        if (BoundEndPoints.Count > 0)
        {
            throw new InvalidOperationException($"{_options.Name} listener already started");
        }

        var bound = new List<IPEndPoint>();
        try
        {
            foreach (var endPoint in _options.EndPoints)
            {
                var (udp, tcp) = Bind(endPoint);
                _sockets.Add(udp);
                _sockets.Add(tcp);
                bound.Add((IPEndPoint)udp.LocalEndPoint!);
                _loops.Add(new UdpDnsEndpoint(udp, _processor, _options.MaxConcurrentUdpRequests, _logger, _options.Name).RunAsync(_stopping.Token));
                _loops.Add(new TcpDnsEndpoint(tcp, _processor, _options, _logger).RunAsync(_stopping.Token));
            }
        }
        catch
        {
            _stopping.Cancel();
            _sockets.ForEach(socket => socket.Dispose());
            throw;
        }

        BoundEndPoints = bound;
        _logger.LogInformation("{Listener} listening on {EndPoints} (UDP and TCP)", _options.Name, string.Join(", ", bound));
    }

    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _sockets.ForEach(socket => socket.Dispose());
        await Task.WhenAll(_loops);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    /// <summary>Binds UDP and TCP to one port; for port 0, retries until one port is free for both.</summary>
    private (Socket Udp, Socket Tcp) Bind(IPEndPoint endPoint)
    {
        for (int attempt = 1; ; attempt++)
        {
            var udp = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            Socket? tcp = null;
            try
            {
                PrepareIpv6(udp, endPoint);
                udp.Bind(endPoint);
                var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
                tcp = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                PrepareIpv6(tcp, endPoint);
                tcp.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                tcp.Bind(new IPEndPoint(endPoint.Address, port));
                tcp.Listen(_options.TcpBacklog);
                return (udp, tcp);
            }
            catch (SocketException) when (endPoint.Port == 0 && attempt < PortAttempts)
            {
                udp.Dispose();
                tcp?.Dispose();
            }
            catch (SocketException e)
            {
                udp.Dispose();
                tcp?.Dispose();
                throw new InvalidOperationException($"{_options.Name} cannot listen on {endPoint} (UDP and TCP): {e.SocketErrorCode}", e);
            }
        }
    }

    private static void PrepareIpv6(Socket socket, IPEndPoint endPoint)
    {
        if (endPoint.AddressFamily == AddressFamily.InterNetworkV6)
        {
            socket.DualMode = false;
        }
    }
}
