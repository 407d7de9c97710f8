using Zonal.Domain;

namespace Zonal.Messaging.Contracts.Central;

/// <summary>
/// Shares a zone. The API asks the identity service about the target beforehand; central answers
/// invalid_project for a target it ruled out, once the zone is found and the caller may share it.
/// </summary>
public sealed record ShareZone(RequestContext Context, Guid ZoneId, string TargetProjectId, bool TargetMayExist = true) : ICall<SharedZoneView>;

public sealed record ListZoneShares(RequestContext Context, Guid ZoneId, ListQuery Query) : ICall<Page<SharedZoneView>>;

public sealed record GetZoneShare(RequestContext Context, Guid ZoneId, Guid ShareId) : ICall<SharedZoneView>;

/// <summary>Stops sharing; refused while the target project still owns record sets or sub-zones in the zone.</summary>
public sealed record UnshareZone(RequestContext Context, Guid ZoneId, Guid ShareId) : ICall<SharedZoneView>;
