using Zonal.Domain;

namespace Zonal.Messaging.Contracts.Central;

/// <summary>A component reporting that it runs (UP) or has stopped (STOPPED) on a host.</summary>
public sealed record Heartbeat(string ServiceName, string Hostname, string Status, DateTime At) : ICall<ServiceStatusView>;

public sealed record ListServiceStatuses(RequestContext Context) : ICall<IReadOnlyList<ServiceStatusView>>;

public sealed record GetServiceStatus(RequestContext Context, Guid ServiceStatusId) : ICall<ServiceStatusView>;
