namespace Zonal.Messaging.Contracts.Worker;

/// <summary>
/// MiniDNS's answer to a NOTIFY or serial poll for one nameserver (seed 001's update_status):
/// <see cref="Status"/> is SUCCESS or ERROR; <see cref="ActualSerial"/> is null when the nameserver
/// gave no answer. The worker counts these against the pool's threshold_percentage.
/// </summary>
public sealed record NameserverStatus(
    Guid ZoneId,
    string Action,
    string Host,
    int Port,
    string Status,
    long? ActualSerial) : ICast;
