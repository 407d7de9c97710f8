using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Auth;

/// <summary>The network endpoints of the caller's service catalog, kept on the request by keystone auth.</summary>
public sealed record NetworkCatalog(IReadOnlyList<NetworkEndpoint> Endpoints);
