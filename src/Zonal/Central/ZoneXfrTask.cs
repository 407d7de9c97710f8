using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Messaging.Contracts.Worker;

namespace Zonal.Central;

/// <summary>
/// POST /v2/zones/{id}/tasks/xfr (contract §6.2): SECONDARY zones only (else 400); the worker asks a
/// master for its serial and transfers only when it is greater than the local one.
/// </summary>
public sealed class ZoneXfrTask(ZoneScope zones, IMessageBus bus, Policy policy) : ICallHandler<XfrZone, ZoneView>
{
    public async Task<ZoneView> HandleAsync(XfrZone call, CancellationToken ct)
    {
        var zone = await zones.FindAsync(call.Context, call.ZoneId, ct);
        policy.Enforce("xfr_zone", call.Context, zone.ProjectId);
        if (zone.Type != ZoneType.Secondary)
        {
            throw ServiceError.BadRequest("Can't XFR a non Secondary zone.");
        }

        await bus.CastAsync(new TransferZone(zone.Id, TransferCondition.MasterNewer), ct);
        return ViewMapper.ToView(zone, await zones.IsSharedAsync(zone.Id, ct));
    }
}
