namespace Zonal.Messaging.Contracts.Central;

/// <summary>
/// The worker's verdict on a zone change: the pool's nameservers hold <see cref="Serial"/> (SUCCESS)
/// or failed to (ERROR). Ignored when the zone's action has moved on, as Designate does.
/// </summary>
public sealed record UpdateStatus(Guid ZoneId, string Action, long Serial, bool Success) : ICast;
