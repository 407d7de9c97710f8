using Zonal.Domain;
using Zonal.Pools;

namespace Zonal.Worker;

/// <summary>
/// The part of a pool the worker acts on: targets to drive, nameservers to poll, extra NOTIFY receivers,
/// and the pool's catalog zone, if it has one (then targets learn of new and deleted zones from it).
/// </summary>
public sealed record PoolTopology(IReadOnlyList<PoolTarget> Targets, IReadOnlyList<PoolServer> Nameservers, IReadOnlyList<PoolServer> AlsoNotifies, string? CatalogZone = null)
{
    public static readonly PoolTopology Empty = new([], [], []);
}

/// <summary>One change to propagate: the zone, what happened to it, the serial the nameservers must reach.</summary>
/// <param name="MovedFrom">Set while a pool_move is unconfirmed: the pool the zone left, whose targets must drop it.</param>
public sealed record ZoneChange(Guid ZoneId, string ZoneName, string Action, long Serial, bool HardDelete, PoolTopology Pool, PoolTopology? MovedFrom = null)
{
    public bool IsDelete => Action == ChangeAction.Delete;

    /// <summary>For DELETE the nameservers must answer "no zone", which the polls call serial 0.</summary>
    public long ExpectedSerial => IsDelete ? 0 : Serial;
}
