namespace Zonal.Messaging.Contracts.MiniDns;

/// <summary>
/// Seed 001's poll_for_serial_number: MiniDNS asks one nameserver for the zone's SOA until its
/// serial reaches <see cref="ExpectedSerial"/> (actual ≥ expected → SUCCESS with actual; lower →
/// poll again after <see cref="RetryIntervalMs"/> up to <see cref="MaxRetries"/>, then ERROR with
/// actual; no answer → ERROR with no serial). For DELETE the expected serial is 0 and "no zone"
/// (NXDOMAIN, REFUSED, NOTAUTH) counts as reached. Reported as a <see cref="Worker.NameserverStatus"/>.
/// </summary>
public sealed record PollForSerialNumber(
    Guid ZoneId,
    string ZoneName,
    string Action,
    long ExpectedSerial,
    string Host,
    int Port,
    int TimeoutMs,
    int RetryIntervalMs,
    int MaxRetries) : ICast;
