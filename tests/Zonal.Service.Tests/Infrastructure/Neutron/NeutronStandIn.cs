using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Zonal.Service.Tests.Infrastructure.Neutron;

/// <summary>
/// A tiny Neutron on a free loopback port: GET /v2.0/floatingips?tenant_id=… answers the floating IPs a
/// test gave each project, as Neutron's JSON. Neutron cannot run here; the service under test reaches
/// this over real HTTP, exactly as it would reach Neutron.
/// </summary>
public sealed class NeutronStandIn : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, (string Project, string Address)> _fips = new();
    private readonly ConcurrentQueue<string?> _tokens = new();
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    /// <summary>The X-Auth-Token of every request, in order (null when there was none).</summary>
    public IReadOnlyCollection<string?> Tokens => _tokens;

    /// <summary>While set, every request fails with 500, as a broken Neutron would.</summary>
    public bool Broken { get; set; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/v2.0/floatingips", ListAsync);
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>Gives <paramref name="project"/> a new floating IP; returns its id.</summary>
    public Guid Add(string project, string address)
    {
        var id = Guid.NewGuid();
        _fips[id] = (project, address);
        return id;
    }

    /// <summary>Hands a floating IP to another project, as a release and re-allocation in Neutron would.</summary>
    public void Move(Guid id, string project) => _fips[id] = (project, _fips[id].Address);

    private async Task ListAsync(HttpContext http)
    {
        _tokens.Enqueue(http.Request.Headers.TryGetValue("X-Auth-Token", out var token) ? token.ToString() : null);
        if (Broken)
        {
            http.Response.StatusCode = 500;
            return;
        }

        string project = http.Request.Query["tenant_id"].ToString();
        var fips = _fips.Where(f => f.Value.Project == project).Select(f => new Dictionary<string, object?>
        {
            ["id"] = f.Key.ToString("D"),
            ["floating_ip_address"] = f.Value.Address,
            ["tenant_id"] = project,
            ["project_id"] = project,
            ["status"] = "ACTIVE",
            ["fixed_ip_address"] = null,
        }).ToList();
        await http.Response.WriteAsJsonAsync(new Dictionary<string, object> { ["floatingips"] = fips });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
