using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Zonal.DnsServer;

namespace Zonal.Nameserver;

/// <summary>
/// Runs the builtin nameserver in the host: loads what it holds from disk (so it answers at once), starts
/// the refresh loops, then listens on UDP and TCP.
/// </summary>
public sealed class BuiltinNameserverService : IHostedService, IAsyncDisposable
{
    private readonly SecondaryZones _zones;
    private readonly DnsListener _listener;

    public BuiltinNameserverService(SecondaryZones zones, NameserverRequestHandler handler, NameserverOptions options, ILogger<BuiltinNameserverService> logger)
    {
        _zones = zones;
        var listen = DnsListenerOptions.ParseEndPoints(options.Listen.Split(',', StringSplitOptions.RemoveEmptyEntries));
        _listener = new DnsListener(new DnsListenerOptions { Name = "builtin nameserver", EndPoints = listen }, handler, logger);
    }

    /// <summary>Where it listens (a configured port 0 shows the port chosen).</summary>
    public IReadOnlyList<IPEndPoint> BoundEndPoints => _listener.BoundEndPoints;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _zones.Start();
        _listener.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _listener.StopAsync();
        await _zones.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync();
        await _zones.DisposeAsync();
    }
}
