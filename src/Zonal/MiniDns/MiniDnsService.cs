using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zonal.DnsServer;

namespace Zonal.MiniDns;

/// <summary>MiniDNS's listener for the life of the host; its own type so other DNS listeners can sit beside it.</summary>
public sealed class MiniDnsService(IOptions<MiniDnsOptions> options, MiniDnsHandler handler, ILogger<MiniDnsService> logger) : IHostedService, IAsyncDisposable
{
    private readonly DnsListener _listener = new(
        new DnsListenerOptions
        {
            Name = "MiniDNS",
            EndPoints = DnsListenerOptions.ParseEndPoints(options.Value.Listen.Split(',', StringSplitOptions.RemoveEmptyEntries)),
            TcpReceiveTimeout = TimeSpan.FromSeconds(options.Value.TcpRecvTimeout),
            TcpBacklog = options.Value.TcpBacklog,
        },
        handler,
        logger);

    /// <summary>Where MiniDNS listens (a configured port 0 shows the port chosen).</summary>
    public IReadOnlyList<System.Net.IPEndPoint> EndPoints => _listener.BoundEndPoints;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _listener.StopAsync();

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
