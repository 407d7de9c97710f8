using Zonal.Messaging;
using Zonal.Messaging.Contracts.Nameserver;

namespace Zonal.Backends;

/// <summary>
/// The pool target of type <c>builtin</c>: Zonal's own secondary nameserver, reached through its message
/// contracts. It pulls the zone from <paramref name="masters"/> (MiniDNS) once told to hold it.
/// </summary>
public sealed class BuiltinBackend(IMessageBus bus, IReadOnlyList<NameserverAddress> masters, TsigKeySecret? tsigKey = null) : IBackend
{
    public Task CreateZoneAsync(BackendZone zone, CancellationToken ct) =>
        bus.CastAsync(new AddSecondaryZone(zone.Name, masters, tsigKey), ct);

    public Task DeleteZoneAsync(BackendZone zone, bool hardDelete, CancellationToken ct) =>
        bus.CastAsync(new RemoveSecondaryZone(zone.Name), ct);
}
