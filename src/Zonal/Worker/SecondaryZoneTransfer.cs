using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Dns;
using Zonal.DnsClient;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Central;
using Zonal.Messaging.Contracts.Worker;
using Zonal.Storage;

namespace Zonal.Worker;

/// <summary>
/// Designate's xfr_zone (contract §8.3): asks a master for its serial when the request says so, pulls
/// the zone by AXFR from the masters in turn (xfr_timeout each) and hands it to central; when no
/// master answers, central hears ERROR for the zone.
/// </summary>
public sealed class SecondaryZoneTransfer(IServiceScopeFactory scopes, IMessageBus bus, IOptions<ZonalOptions> options, TimeProvider clock, ILogger<SecondaryZoneTransfer> logger)
    : ICastHandler<TransferZone>
{
    private WorkerOptions Worker => options.Value.Worker;

    public async Task HandleAsync(TransferZone cast, CancellationToken ct)
    {
        var zone = await LoadAsync(cast.ZoneId, ct);
        if (zone is null)
        {
            return;
        }

        var origin = DnsName.Parse(zone.Name, DnsName.Root);
        var problems = new List<string>();
        var masters = await SecondaryMasters.ResolveAsync(JsonSerializer.Deserialize<List<string>>(zone.Masters) ?? [], cast.PreferredMaster, problems, ct);
        if (cast.When != TransferCondition.Always && masters.Count > 0)
        {
            var serial = await ProbeSerialAsync(masters[0], origin, problems, ct);
            if (serial is null)
            {
                await FailAsync(zone, problems, ct);
                return;
            }

            bool transfer = cast.When == TransferCondition.MasterNewer ? SoaTimers.IsNewer(serial.Value, (uint)zone.Serial) : serial != zone.Serial;
            if (!transfer)
            {
                logger.LogDebug("secondary zone {Zone}: master {Master} serves serial {Serial}, local {Local}: no transfer", zone.Name, masters[0], serial, zone.Serial);
                return;
            }
        }

        foreach (var master in masters)
        {
            try
            {
                var answer = await ZoneTransferStream.ReadAsync(master, origin, null, null, Seconds(Worker.XfrTimeout), clock, ct);
                var store = TransferredZone.ToStore(zone.Id, origin, answer.Records);
                logger.LogInformation("secondary zone {Zone}: serial {Serial} from {Master} by AXFR: {Records} records in {Messages} messages",
                    zone.Name, store.Serial, master, answer.Records.Count, answer.Messages);
                await bus.CastAsync(store, ct);
                return;
            }
            catch (TransferException e)
            {
                problems.Add(e.Message);
            }
            catch (ZoneDataException e)
            {
                problems.Add($"AXFR of {origin} from {master}: {e.Message}");
            }
        }

        await FailAsync(zone, problems, ct);
    }

    /// <summary>serial_max_retries attempts, serial_timeout each, serial_retry_delay apart.</summary>
    private async Task<uint?> ProbeSerialAsync(IPEndPoint master, DnsName origin, List<string> problems, CancellationToken ct)
    {
        int attempts = Math.Max(1, Worker.SerialMaxRetries);
        for (int attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                return await SoaSerialQuery.ServedSerialAsync(master, origin, null, Seconds(Worker.SerialTimeout), clock, ct);
            }
            catch (TransferException e) when (attempt < attempts)
            {
                logger.LogDebug("secondary zone {Zone}: {Reason}; asking again", origin, e.Message);
                await Task.Delay(Seconds(Worker.SerialRetryDelay), clock, ct);
            }
            catch (TransferException e)
            {
                problems.Add(e.Message);
            }
        }

        return null;
    }

    private async Task FailAsync(ZoneRow zone, List<string> problems, CancellationToken ct)
    {
        logger.LogWarning("secondary zone {ZoneId} ({Zone}) could not be transferred from any master: {Problems}",
            zone.Id, zone.Name, problems.Count == 0 ? "it has no masters" : string.Join("; ", problems));
        await bus.CastAsync(new UpdateStatus(zone.Id, zone.Action, zone.Serial, Success: false), ct);
    }

    private async Task<ZoneRow?> LoadAsync(Guid zoneId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZonalDbContext>();
        return await db.Zones.AsNoTracking()
            .FirstOrDefaultAsync(z => z.Id == zoneId && z.DeletedAt == null && z.Type == ZoneType.Secondary && z.Action != ChangeAction.Delete, ct);
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);
}
