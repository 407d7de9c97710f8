namespace Zonal.Backends;

/// <summary>
/// A driver for one kind of nameserver (a pool target's <c>type</c>): it sets up or removes a
/// secondary zone that pulls from MiniDNS. Records are never pushed; the nameserver transfers them.
/// </summary>
public interface IBackend
{
    Task CreateZoneAsync(BackendZone zone, CancellationToken ct);

    /// <summary>Optional in Designate: most backends only need the NOTIFY that follows.</summary>
    Task UpdateZoneAsync(BackendZone zone, CancellationToken ct) => Task.CompletedTask;

    Task DeleteZoneAsync(BackendZone zone, bool hardDelete, CancellationToken ct);
}

/// <summary>What a backend needs to know of a zone: its id, absolute name and serial.</summary>
public sealed record BackendZone(Guid Id, string Name, long Serial);
