using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Central;
using Zonal.Configuration;
using Zonal.Hosting;
using Zonal.MiniDns;
using Zonal.Pools;

namespace Zonal.TestSupport;

/// <summary>
/// The whole service in this process over a fresh SQLite file in a temporary directory, with the API,
/// MiniDNS and the builtin nameserver on free loopback ports. Dispose stops it and removes the directory.
/// </summary>
public sealed class EmbeddedZonal : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private EmbeddedZonal(WebApplication app, string directory)
    {
        _app = app;
        _directory = directory;
        ApiAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        MiniDns = app.Services.GetRequiredService<MiniDnsService>().EndPoints[0];
    }

    public IServiceProvider Services => _app.Services;

    public Uri ApiAddress { get; }

    public IPEndPoint MiniDns { get; }

    /// <summary>The temporary directory holding the database and the data folder.</summary>
    public string DataDirectory => _directory;

    /// <summary>The service's database, as `zonal manage --database` takes it.</summary>
    public string Database => DatabaseIn(_directory);

    private static string DatabaseIn(string directory) =>
        "sqlite:Data Source=" + Path.Combine(directory, "zonal.db") + ";Default Timeout=60";

    /// <param name="name">Names the temporary directory.</param>
    /// <param name="settings">Configuration beside (or instead of) the database and listen addresses.</param>
    public static async Task<EmbeddedZonal> StartAsync(string name, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var directory = Directory.CreateTempSubdirectory($"zonal-{name}-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["Zonal:Database"] = DatabaseIn(directory),
            ["Zonal:DataDirectory"] = directory,
            ["Zonal:Api:Listen"] = "http://127.0.0.1:0",
            ["Zonal:MiniDns:Listen"] = "127.0.0.1:0",
            ["Zonal:Nameserver:Listen"] = "127.0.0.1:0",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var app = ZonalApp.Build([], all);
        await ZonalApp.MigrateAsync(app.Services);
        await app.StartAsync();
        return new EmbeddedZonal(app, directory);
    }

    /// <summary>An API client acting for <paramref name="project"/>.</summary>
    public HttpClient CreateClient(string project)
    {
        var http = new HttpClient { BaseAddress = ApiAddress };
        http.DefaultRequestHeaders.Add("X-Auth-Project-ID", project);
        return http;
    }

    /// <summary>Makes these servers the default pool's targets and nameservers, transferring from this MiniDNS.</summary>
    public Task UseTargetsAsync(params ITargetServer[] targets) => LoadPoolAsync(DefaultPool(MiniDns, targets));

    /// <summary>Loads <paramref name="pool"/> as pools.yaml would.</summary>
    public async Task LoadPoolAsync(PoolDefinition pool)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var loader = ActivatorUtilities.CreateInstance<PoolLoader>(scope.ServiceProvider);
        await loader.ApplyAsync([pool], delete: false, dryRun: false, CancellationToken.None);
    }

    /// <summary>The default pool with these targets, each also polled as a nameserver.</summary>
    public static PoolDefinition DefaultPool(IPEndPoint miniDns, params ITargetServer[] targets)
    {
        var master = new PoolServer(miniDns.Address.ToString(), miniDns.Port);
        return new PoolDefinition(Guid.Parse(PoolOptions.DefaultPoolId), "default", null, new Dictionary<string, string>(),
            [new PoolNsRecord("ns1.example.net.", 1)],
            targets.Select(t => t.AsNameserver()).ToList(),
            targets.Select(t => t.AsPoolTarget(master)).ToList(),
            []);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
