namespace Zonal.Central.NetworkApi;

/// <summary>A floating IP as the network API reports it: where it lives, its id and its IPv4 address.</summary>
public sealed record FloatingIp(string Region, Guid Id, string Address);
