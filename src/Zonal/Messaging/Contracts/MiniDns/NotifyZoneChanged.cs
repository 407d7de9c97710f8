namespace Zonal.Messaging.Contracts.MiniDns;

/// <summary>
/// Seed 001's notify_zone_changed: MiniDNS sends a DNS NOTIFY for the zone to one destination,
/// retrying every <see cref="RetryIntervalMs"/> up to <see cref="MaxRetries"/> times until it is
/// answered. The outcome goes back to the worker as a <see cref="Worker.NameserverStatus"/>.
/// </summary>
public sealed record NotifyZoneChanged(
    Guid ZoneId,
    string ZoneName,
    string Action,
    long Serial,
    string Host,
    int Port,
    int TimeoutMs,
    int RetryIntervalMs,
    int MaxRetries) : ICast;
