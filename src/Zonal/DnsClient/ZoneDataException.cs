namespace Zonal.DnsClient;

/// <summary>Zone data that cannot be served: no SOA at the apex, or a transfer that does not add up.</summary>
public sealed class ZoneDataException(string message) : Exception(message);
