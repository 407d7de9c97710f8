using Zonal.Messaging.Contracts.Central;

namespace Zonal.Central.NetworkApi;

/// <summary>Designate's network_api: who owns which floating IP. Neutron in production, a stand-in in tests.</summary>
public interface INetworkApi
{
    /// <summary>
    /// The floating IPs <paramref name="projectId"/> owns, in every region (or only <paramref name="region"/>).
    /// </summary>
    /// <exception cref="Domain.ServiceError">403 no_endpoint when no network endpoint is known; 504 neutron_communication_failure when a region did not answer.</exception>
    Task<IReadOnlyList<FloatingIp>> ListFloatingIpsAsync(NetworkCaller caller, string projectId, string? region, CancellationToken ct);
}
