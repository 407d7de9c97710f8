using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Zonal.DnsServer;

/// <summary>Runs a <see cref="DnsListener"/> for the life of the host.</summary>
public sealed class DnsListenerHost(DnsListenerOptions options, IDnsRequestHandler handler, ILogger logger) : IHostedService, IAsyncDisposable
{
    private readonly DnsListener _listener = new(options, handler, logger);

    public IReadOnlyList<System.Net.IPEndPoint> BoundEndPoints => _listener.BoundEndPoints;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _listener.StopAsync();

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
