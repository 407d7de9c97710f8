using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Messaging;

namespace Zonal.Hosting;

/// <summary>Registers a component's message handler class once for all the messages it handles.</summary>
internal static class HandlerRegistration
{
    /// <summary>
    /// Adds <typeparamref name="THandler"/> as a scoped service, and every <see cref="ICallHandler{TCall, TResult}"/>
    /// and <see cref="ICastHandler{TCast}"/> it implements as that same scoped instance.
    /// </summary>
    public static IServiceCollection AddHandlers<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.Interfaces)] THandler>(this IServiceCollection services)
        where THandler : class
    {
        services.AddScoped<THandler>();
        foreach (var contract in typeof(THandler).GetInterfaces().Where(IsHandlerContract))
        {
            services.AddScoped(contract, s => s.GetRequiredService<THandler>());
        }

        return services;
    }

    private static bool IsHandlerContract(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(ICallHandler<,>) || definition == typeof(ICastHandler<>));
}
