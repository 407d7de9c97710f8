using Zonal.Domain;
using Zonal.Pools;

namespace Zonal.Worker;

/// <summary>
/// The two halves of a pool_move as ordinary changes: the new pool creates the zone (a move is a
/// CREATE there, whatever the zone's action says, unless the zone is being deleted), and the old
/// pool deletes it (dropping it from its catalog, if any), skipping the targets and nameservers it shares with the new pool.
/// </summary>
public static class PoolMoveSteps
{
    public static ZoneChange IntoNewPool(ZoneChange change) =>
        change with { Action = change.IsDelete ? ChangeAction.Delete : ChangeAction.Create, MovedFrom = null };

    public static ZoneChange OutOfOldPool(ZoneChange change, PoolTopology old) => change with
    {
        Action = ChangeAction.Delete,
        MovedFrom = null,
        Pool = new PoolTopology(
            old.Targets.Where(t => !change.Pool.Targets.Any(n => SameTarget(t, n))).ToList(),
            old.Nameservers.Except(change.Pool.Nameservers).ToList(),
            old.AlsoNotifies,
            old.CatalogZone),
    };

    private static bool SameTarget(PoolTarget a, PoolTarget b) =>
        a.Type == b.Type && a.Options.Count == b.Options.Count
        && a.Options.All(o => b.Options.TryGetValue(o.Key, out var value) && value == o.Value);
}
