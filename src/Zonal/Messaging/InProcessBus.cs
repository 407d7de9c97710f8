using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Zonal.Messaging;

/// <summary>
/// Delivers messages to handlers registered in the container, each in its own scope as a remote
/// consumer would be. Casts run on the thread pool and never fail the sender.
/// </summary>
public sealed class InProcessBus(IServiceScopeFactory scopes, ILogger<InProcessBus> logger) : IMessageBus
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, object, CancellationToken, Task<object?>>> CallInvokers = new();
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, object, CancellationToken, Task>> CastInvokers = new();

    public async Task<TResult> CallAsync<TResult>(ICall<TResult> call, CancellationToken ct = default)
    {
        var invoke = CallInvokers.GetOrAdd(call.GetType(), BuildCallInvoker<TResult>);
        await using var scope = scopes.CreateAsyncScope();
        return (TResult)(await invoke(scope.ServiceProvider, call, ct))!;
    }

    public Task CastAsync(ICast cast, CancellationToken ct = default)
    {
        var invoke = CastInvokers.GetOrAdd(cast.GetType(), BuildCastInvoker);
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await invoke(scope.ServiceProvider, cast, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "cast {Message} failed", cast.GetType().Name);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    private static Func<IServiceProvider, object, CancellationToken, Task<object?>> BuildCallInvoker<TResult>(Type callType) =>
        (Func<IServiceProvider, object, CancellationToken, Task<object?>>)typeof(InProcessBus)
            .GetMethod(nameof(InvokeCall), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(callType, typeof(TResult))
            .CreateDelegate(typeof(Func<IServiceProvider, object, CancellationToken, Task<object?>>));

    private static Func<IServiceProvider, object, CancellationToken, Task> BuildCastInvoker(Type castType) =>
        (Func<IServiceProvider, object, CancellationToken, Task>)typeof(InProcessBus)
            .GetMethod(nameof(InvokeCast), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(castType)
            .CreateDelegate(typeof(Func<IServiceProvider, object, CancellationToken, Task>));

    private static async Task<object?> InvokeCall<TCall, TResult>(IServiceProvider services, object call, CancellationToken ct)
        where TCall : ICall<TResult> =>
        await services.GetRequiredService<ICallHandler<TCall, TResult>>().HandleAsync((TCall)call, ct);

    private static Task InvokeCast<TCast>(IServiceProvider services, object cast, CancellationToken ct)
        where TCast : ICast =>
        services.GetRequiredService<ICastHandler<TCast>>().HandleAsync((TCast)cast, ct);
}
