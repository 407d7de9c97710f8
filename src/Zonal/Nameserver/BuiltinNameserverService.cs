using Microsoft.Extensions.Hosting;

namespace Zonal.Nameserver;

/// <summary>Runs the builtin nameserver in the host: loads what it holds from disk, then keeps its zones fresh.</summary>
public sealed class BuiltinNameserverService(SecondaryZones zones) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        zones.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await zones.DisposeAsync();
}
