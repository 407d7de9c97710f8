using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Zonal.Hosting;

namespace Zonal.Load;

/// <summary>
/// The embedded service (API, central, worker in one process) on a free loopback port, over a fresh
/// database, with quotas high enough for the load but still enforced (counted on every write).
/// </summary>
public sealed class LoadHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoadHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <param name="withoutRelay">Leave out the outbox relay (and so the status updates it triggers), to see the write path alone.</param>
    public static async Task<LoadHost> StartAsync(string database, bool withoutRelay)
    {
        var app = ZonalApp.Build([], new Dictionary<string, string?>
        {
            ["Zonal:Database"] = database,
            ["Zonal:Api:Listen"] = "http://127.0.0.1:0",
            // Free ports, so the benchmark runs beside other instances and tests on the machine.
            ["Zonal:MiniDns:Listen"] = "127.0.0.1:0",
            ["Zonal:Nameserver:Listen"] = "127.0.0.1:0",
            ["Zonal:DefaultPool:NsRecords:0:Hostname"] = "ns1.example.net.",
            ["Zonal:DefaultPool:NsRecords:0:Priority"] = "1",
            ["Zonal:Quotas:Zones"] = "1000000",
            ["Zonal:Quotas:ZoneRecordsets"] = "1000000",
            ["Zonal:Quotas:ZoneRecords"] = "1000000",
            // The control plane alone, as the results were measured: no push to the builtin nameserver.
            ["Zonal:DefaultPool:BuiltinTarget"] = "false",
        }, services =>
        {
            if (withoutRelay)
            {
                services.RemoveAll<IHostedService>();
            }
        });
        await ZonalApp.MigrateAsync(app.Services);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoadHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
