using Zonal.Domain;

namespace Zonal.Messaging.Contracts.Central;

/// <summary>
/// How central reaches the network API for the caller, as Designate does: with the caller's own token
/// (Neutron then shows only what the caller may see) and the network endpoints of its service catalog.
/// </summary>
public sealed record NetworkCaller(string? Token, IReadOnlyList<NetworkEndpoint> Catalog)
{
    public static readonly NetworkCaller Anonymous = new(null, []);

    // Records print their fields; a token must never reach a log line.
    public override string ToString() => $"NetworkCaller {{ Token = {(Token is null ? "none" : "***")}, Catalog = {Catalog.Count} endpoints }}";
}

/// <summary>One network endpoint of a service catalog; <see cref="Interface"/> is Keystone v3's public, internal or admin.</summary>
public sealed record NetworkEndpoint(string Region, string Url, string Interface = "public");

/// <summary>Every floating IP the caller's project owns, in every region, with its PTR when one is set.</summary>
public sealed record ListFloatingIps(RequestContext Context, NetworkCaller Caller) : ICall<IReadOnlyList<FloatingIpView>>;

/// <summary>One floating IP of the caller's project (404 when the project does not own it).</summary>
public sealed record GetFloatingIp(RequestContext Context, NetworkCaller Caller, string Region, Guid FloatingIpId) : ICall<FloatingIpView>;

/// <summary>Sets the PTR of a floating IP the caller's project owns.</summary>
public sealed record SetFloatingIpPtr(
    RequestContext Context,
    NetworkCaller Caller,
    string Region,
    Guid FloatingIpId,
    string PtrdName,
    string? Description,
    int? Ttl) : ICall<FloatingIpView>;

/// <summary>Removes the PTR the caller's project set on a floating IP; answers the record set that carried it.</summary>
public sealed record UnsetFloatingIpPtr(RequestContext Context, string Region, Guid FloatingIpId) : ICall<RecordSetView>;

/// <summary>A floating IP and its PTR; status INACTIVE (action NONE) when no PTR is set.</summary>
public sealed record FloatingIpView(
    string Region,
    Guid Id,
    string Address,
    string? PtrdName,
    string? Description,
    int? Ttl,
    string Status,
    string Action);

/// <summary>
/// What a record that central keeps for something outside DNS stands for (Designate's managed_*
/// fields): a floating IP's PTR is ptr:floatingip, with the address as extra and the owning project.
/// </summary>
public sealed record ManagedResource(string ResourceType, string ResourceId, string? Region, string? Extra, string? TenantId);
