namespace Zonal.Messaging.Contracts.Nameserver;

/// <summary>
/// Tells the builtin nameserver to hold <see cref="ZoneName"/> as a secondary, pulling it from
/// <see cref="Masters"/> (tried in order) with <see cref="TsigKey"/> when set. Adding a zone it already
/// holds updates its masters and key. Either way it refreshes at once.
/// </summary>
public sealed record AddSecondaryZone(string ZoneName, IReadOnlyList<NameserverAddress> Masters, TsigKeySecret? TsigKey = null) : ICast;

/// <summary>A DNS server's address and port.</summary>
public sealed record NameserverAddress(string Host, int Port);

/// <summary>A TSIG key as BIND writes it: name, algorithm (hmac-sha256, …) and base64 secret.</summary>
public sealed record TsigKeySecret(string Name, string Algorithm, string Secret);
