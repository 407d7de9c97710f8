namespace Zonal.Messaging.Contracts.Nameserver;

/// <summary>Tells the builtin nameserver to stop serving <see cref="ZoneName"/> and forget its stored copy.</summary>
public sealed record RemoveSecondaryZone(string ZoneName) : ICast;
