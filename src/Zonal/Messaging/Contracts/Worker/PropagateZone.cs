namespace Zonal.Messaging.Contracts.Worker;

/// <summary>
/// Make every target of the zone's pool hold the zone at <see cref="Serial"/> (or remove it on
/// DELETE; <see cref="HardDelete"/> also drops the nameservers' zone files, Designate's hard_delete).
/// </summary>
public sealed record PropagateZone(Guid ZoneId, Guid PoolId, string Action, long Serial, bool HardDelete = false) : ICast;
