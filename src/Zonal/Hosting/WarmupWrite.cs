using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Central;
using Zonal.Domain;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Hosting;

/// <summary>
/// The write half of <see cref="StartupWarmup"/>: central's zone create in a transaction that is rolled
/// back (its queries and EF's update pipeline compiled, nothing kept), and the API
/// over HTTP (Kestrel, routing, the request context, JSON) with a list and a refused create.
/// </summary>
internal static class WarmupWrite
{
    public static async Task RolledBackZoneAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<ZoneWriter>();
        var context = new RequestContext { RequestId = "req-zonal-warmup", ProjectId = "zonal-warmup", Roles = ["admin"] };
        var call = new CreateZone(context, StartupWarmup.Probe.ToString(), "warmup@invalid", null, null, ZoneType.Primary, [], new Dictionary<string, string>());
        await using var transaction = await scope.ServiceProvider.GetRequiredService<WriteTransactions>().BeginAsync(ct);
        // The path a zone create takes after its checks: lock, placement, quota, pool, managed records, outbox and journal rows.
        await writer.AddAsync(new NewZone(call, "zonal-warmup", StartupWarmup.Probe, "warmup@invalid", 3600, false), null, ct);
        await writer.SaveAsync(ct);
        // Disposing the transaction uncommitted rolls it back: nothing is kept, nothing is propagated.
    }

    public static async Task ApiReadAsync(IServiceProvider services, CancellationToken ct)
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return;
        }

        using var http = new HttpClient { BaseAddress = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)) };
        http.DefaultRequestHeaders.Add("X-Auth-Project-ID", "zonal-warmup");
        using var list = await http.GetAsync("/v2/zones?limit=1", ct);
        await list.Content.ReadAsByteArrayAsync(ct);
        // A create whose email is refused in central's checks: the POST's binding and checks run, nothing is written.
        using var body = new StringContent($$"""{"name": "{{StartupWarmup.Probe}}", "email": "not an email"}""", System.Text.Encoding.UTF8, "application/json");
        using var create = await http.PostAsync("/v2/zones", body, ct);
        await create.Content.ReadAsByteArrayAsync(ct);
    }
}
