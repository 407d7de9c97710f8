using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.DnsClient;
using Zonal.MiniDns;
using Zonal.Nameserver;
using Zonal.Storage;

namespace Zonal.Hosting;

/// <summary>
/// Runs the propagation path once when the host has started, for a name no zone can have: MiniDNS's
/// storage queries and its UDP and TCP answers, the serial poll's and NOTIFY's client code, the builtin
/// nameserver's answer, the worker's zone read. Without it the first zone after a start waited ~0.5 s
/// for JIT, EF query compilation and first connections. Capped by <see cref="ZonalOptions.StartupWarmupSeconds"/>:
/// a slow or unreachable database delays the start at most that long and only logs.
/// </summary>
public sealed class StartupWarmup(IServiceProvider services, IOptions<ZonalOptions> zonal, ILogger<StartupWarmup> logger) : IHostedLifecycleService
{
    /// <summary>RFC 6761's .invalid: never a managed zone, so every answer is a refusal and nothing is written.</summary>
    internal static readonly DnsName Probe = DnsName.Parse("zonal-warmup.invalid.", DnsName.Root);

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(zonal.Value.StartupWarmupSeconds);
        if (limit <= TimeSpan.Zero)
        {
            return;
        }

        // A database driver may not give up at once when cancelled (Npgsql waiting for a silent server's
        // greeting), so the start waits for the cap, not for the warm-up to notice it.
        var cap = new CancellationTokenSource(limit);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var warm = WarmAsync(cap.Token);
        _ = warm.ContinueWith(t => { _ = t.Exception; cap.Dispose(); }, TaskScheduler.Default);
        if (await Task.WhenAny(warm, Task.Delay(limit, cancellationToken)) != warm)
        {
            logger.LogWarning("start-up warm-up still running after {Elapsed} ms: starting without it, the first zone pays for the cold paths", clock.ElapsedMilliseconds);
            return;
        }

        try
        {
            await warm;
            logger.LogInformation("start-up warm-up done in {Elapsed} ms", clock.ElapsedMilliseconds);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("start-up warm-up stopped after {Elapsed} ms ({Reason}): the first zone pays for the cold paths", clock.ElapsedMilliseconds, e.Message);
        }
    }

    private async Task WarmAsync(CancellationToken ct)
    {
        await WarmStorageAsync(ct);
        await WarmupWrite.RolledBackZoneAsync(services, ct);
        await WarmupWrite.ApiReadAsync(services, ct);
        // The worker's cast path; a zone that does not exist ends it at once.
        await services.GetRequiredService<Messaging.IMessageBus>().CastAsync(
            new Messaging.Contracts.Worker.PropagateZone(Guid.Empty, zonal.Value.DefaultPool.Id, Domain.ChangeAction.Update, 0), ct);
        await WarmMiniDnsAsync(ct);
        await WarmNameserverAsync(ct);
    }

    private async Task WarmStorageAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetService<ZoneContentReader>();
        if (reader is not null)
        {
            await reader.FindZoneAsync(Probe, ZoneScopeFilter.Pool(zonal.Value.DefaultPool.Id), ct);
            var zone = new ServedZone(new ZoneRow { Id = Guid.Empty, ProjectId = "", Name = Probe.ToString(), Email = "", Status = Domain.Status.Active, Action = Domain.ChangeAction.None, Type = Domain.ZoneType.Primary }, Probe);
            await reader.RRsetAsync(zone, Probe, "SOA", ct);
            await foreach (var _ in reader.AllButSoaAsync(zone, ct))
            {
            }

            await reader.JournalAsync(zone, 0, ct);
            await reader.TsigKeyAsync(Probe, ct);
        }

        // The worker's reading of a pool (System.Text.Json builds each type's metadata on first use).
        Pools.PoolJson.Read<List<Pools.PoolTarget>>("[]");
        Pools.PoolJson.Read<List<Pools.PoolServer>>("[]");
        Pools.PoolJson.Read<List<Pools.PoolNsRecord>>("[]");
        _ = scope.ServiceProvider.GetService<Worker.IUnloadedPoolTopology>()?.Current;

    }

    private async Task WarmMiniDnsAsync(CancellationToken ct)
    {
        if (services.GetService<MiniDnsService>() is not { EndPoints: [var miniDns, ..] })
        {
            return;
        }

        var endPoint = Loopback(miniDns);
        // The poll's client and MiniDNS's UDP answer, then a TCP transfer (the builtin nameserver's client, MiniDNS's AXFR path).
        await DnsUdpExchange.AskAsync(DnsMessage.CreateQuery(DnsUdpExchange.NewId(), Probe, RecordType.SOA), endPoint, TimeSpan.FromSeconds(2), ct);
        try
        {
            await new ZoneTransferClient(TimeProvider.System) { Timeout = TimeSpan.FromSeconds(2) }.TransferAsync(endPoint, Probe, null, null, ct);
        }
        catch (TransferException)
        {
            // REFUSED, as it should be: the round trip is what warms.
        }
    }

    private async Task WarmNameserverAsync(CancellationToken ct)
    {
        if (services.GetService<BuiltinNameserverService>() is not { BoundEndPoints: [var nameserver, ..] })
        {
            return;
        }

        // NOTIFY's client path and the nameserver's answer (NOTAUTH: it holds no such zone).
        var notify = DnsMessage.CreateQuery(DnsUdpExchange.NewId(), Probe, RecordType.SOA, opcode: Opcode.Notify);
        notify.IsAuthoritative = true;
        await DnsUdpExchange.AskAsync(notify, Loopback(nameserver), TimeSpan.FromSeconds(2), ct);
        await DnsUdpExchange.AskAsync(DnsMessage.CreateQuery(DnsUdpExchange.NewId(), Probe, RecordType.SOA), Loopback(nameserver), TimeSpan.FromSeconds(2), ct);
    }

    /// <summary>A wildcard listen address is asked on loopback.</summary>
    private static System.Net.IPEndPoint Loopback(System.Net.IPEndPoint bound) =>
        bound.Address.Equals(System.Net.IPAddress.Any) ? new(System.Net.IPAddress.Loopback, bound.Port)
        : bound.Address.Equals(System.Net.IPAddress.IPv6Any) ? new(System.Net.IPAddress.IPv6Loopback, bound.Port)
        : bound;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
