using Zonal.Pools;

namespace Zonal.Backends;

/// <summary>Finds the backend driver of a pool target.</summary>
public interface IBackendFactory
{
    IBackend For(PoolTarget target);
}
