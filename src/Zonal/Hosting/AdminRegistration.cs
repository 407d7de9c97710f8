using Microsoft.Extensions.DependencyInjection;
using Zonal.Central;

namespace Zonal.Hosting;

/// <summary>Central's handlers of the admin-only resources: TLDs, blacklists and TSIG keys.</summary>
public static class AdminRegistration
{
    public static void AddAdminResources(this IServiceCollection services)
    {
        services.AddScoped<ZoneNameAllowance>();
        services.AddHandlers<TldManager>();
        services.AddHandlers<BlacklistManager>();
        services.AddHandlers<TsigKeyManager>();
    }
}
