namespace Zonal.Messaging;

/// <summary>A request that expects one answer (RPC call): central's API, for example.</summary>
public interface ICall<TResult>;

/// <summary>A one-way message (RPC cast): fire and forget, handled in the background.</summary>
public interface ICast;

public interface ICallHandler<in TCall, TResult>
    where TCall : ICall<TResult>
{
    Task<TResult> HandleAsync(TCall call, CancellationToken ct);
}

public interface ICastHandler<in TCast>
    where TCast : ICast
{
    Task HandleAsync(TCast cast, CancellationToken ct);
}

/// <summary>
/// How one component reaches another. The embedded host uses an in-process bus; the distributed
/// one will carry the same message records over RabbitMQ, so messages stay plain data.
/// </summary>
public interface IMessageBus
{
    Task<TResult> CallAsync<TResult>(ICall<TResult> call, CancellationToken ct = default);

    Task CastAsync(ICast cast, CancellationToken ct = default);
}
