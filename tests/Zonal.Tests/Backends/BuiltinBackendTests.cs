using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Backends;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Hosting;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Nameserver;
using Zonal.Nameserver;
using Zonal.Tests.Nameserver;
using Zonal.Tests.Oracle;
using Zonal.Tests.Servers;

namespace Zonal.Tests.Backends;

/// <summary>
/// The builtin backend in the embedded host: it reaches the nameserver only through message contracts,
/// and the nameserver the host runs pulls the zone from a real BIND primary and answers dig.
/// </summary>
public sealed class BuiltinBackendTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("zonal-builtin-host-").FullName;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _app = ZonalApp.Build([], new Dictionary<string, string?>
        {
            ["Zonal:DataDirectory"] = _data,
            ["Zonal:Api:Listen"] = "http://127.0.0.1:0",
            ["Zonal:Nameserver:Listen"] = "127.0.0.1:0",
            ["Zonal:MiniDns:Listen"] = "127.0.0.1:0",
        });
        await ZonalApp.MigrateAsync(_app.Services);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Create_makes_the_hosted_nameserver_serve_the_zone_and_delete_makes_it_refuse()
    {
        using var named = NamedServer.Start(new NamedZone(PrimaryZones.Origin, PrimaryZones.Text(42)));
        var backend = new BuiltinBackend(
            _app.Services.GetRequiredService<IMessageBus>(),
            [new NameserverAddress("127.0.0.1", named.Port)]);
        var zone = new BackendZone(Guid.NewGuid(), PrimaryZones.Origin, 42);
        var port = _app.Services.GetRequiredService<BuiltinNameserverService>().BoundEndPoints[0].Port;

        await backend.CreateZoneAsync(zone, CancellationToken.None);
        var served = await DigUntilAsync(port, "status: NOERROR");
        Assert.Contains("flags: qr aa;", served, StringComparison.Ordinal);
        Assert.Contains("192.0.2.80", served, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_data, "nameserver", "zones", "builtin.test.zone")));

        await backend.DeleteZoneAsync(zone, hardDelete: true, CancellationToken.None);
        await DigUntilAsync(port, "status: REFUSED");
        Assert.False(File.Exists(Path.Combine(_data, "nameserver", "zones", "builtin.test.zone")));
        Assert.Null(_app.Services.GetRequiredService<SecondaryZones>().Get(DnsName.Parse(PrimaryZones.Origin)));
    }

    private static async Task<string> DigUntilAsync(int port, string expected)
    {
        string output = "";
        for (int attempt = 0; attempt < 100; attempt++)
        {
            var dig = ProcessRunner.Run(BindTools.Dig, ["@127.0.0.1", "-p", port.ToString(), "+norec", "+time=1", "www.builtin.test.", "A"], TimeSpan.FromSeconds(10));
            output = dig.StandardOutput;
            if (output.Contains(expected, StringComparison.Ordinal))
            {
                return output;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"dig never showed '{expected}'; last answer:\n{output}");
    }
}
