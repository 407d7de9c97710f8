using Zonal.Domain;

namespace Zonal.Messaging.Contracts.Central;

public sealed record CreateZone(
    RequestContext Context,
    string Name,
    string? Email,
    int? Ttl,
    string? Description,
    string Type,
    IReadOnlyList<string> Masters,
    IReadOnlyDictionary<string, string> Attributes) : ICall<ZoneView>;

public sealed record ListZones(RequestContext Context, ListQuery Query) : ICall<Page<ZoneView>>;

public sealed record GetZone(RequestContext Context, Guid ZoneId) : ICall<ZoneView>;

public sealed record UpdateZone(
    RequestContext Context,
    Guid ZoneId,
    Present<string>? Email,
    Present<int>? Ttl,
    Present<string?>? Description,
    Present<IReadOnlyList<string>>? Masters,
    Present<IReadOnlyDictionary<string, string>>? Attributes = null) : ICall<ZoneView>;

public sealed record DeleteZone(RequestContext Context, Guid ZoneId) : ICall<ZoneView>;

public sealed record GetZoneNameServers(RequestContext Context, Guid ZoneId) : ICall<IReadOnlyList<NameServerView>>;

/// <summary>Forgets a zone at once without touching the nameservers (admin only).</summary>
public sealed record AbandonZone(RequestContext Context, Guid ZoneId) : ICall<ZoneView>;

/// <summary>Moves a zone to another pool (admin only); without a pool the scheduler picks one.</summary>
public sealed record MoveZonePool(RequestContext Context, Guid ZoneId, Guid? PoolId) : ICall<ZoneView>;

/// <summary>The xfr task: a SECONDARY zone asks its masters for a newer serial and transfers when there is one.</summary>
public sealed record XfrZone(RequestContext Context, Guid ZoneId) : ICall<ZoneView>;
