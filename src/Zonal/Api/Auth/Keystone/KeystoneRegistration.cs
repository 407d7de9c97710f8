using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Zonal.Api.Auth.Keystone;

/// <summary>Wires auth_strategy = keystone: token checks in front of every endpoint, the context from the token, projects looked up.</summary>
public static class KeystoneRegistration
{
    public static void AddKeystoneAuth(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => KeystoneTransport.Default());
        services.AddSingleton<KeystoneClient>();
        services.AddSingleton<KeystoneTokenCache>();
        services.AddSingleton<KeystoneTokens>();
        services.AddSingleton<IRequestContextFactory, KeystoneContextFactory>();
        services.AddSingleton<IProjectVerifier, KeystoneProjects>();
    }

    public static void UseKeystoneAuth(this IApplicationBuilder app) => app.UseMiddleware<KeystoneAuthMiddleware>();
}
