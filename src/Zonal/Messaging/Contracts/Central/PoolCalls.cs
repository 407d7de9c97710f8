using Zonal.Domain;

namespace Zonal.Messaging.Contracts.Central;

public sealed record ListPools(RequestContext Context) : ICall<IReadOnlyList<PoolView>>;

public sealed record GetPool(RequestContext Context, Guid PoolId) : ICall<PoolView>;
