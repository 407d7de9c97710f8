namespace Zonal.Worker;

/// <summary>
/// What a pool that no pools.yaml has written yet (the seeded default pool, or one missing from
/// storage) pushes to. The embedded host answers with its builtin nameserver; null means nothing.
/// </summary>
public interface IUnloadedPoolTopology
{
    PoolTopology? Current { get; }
}
