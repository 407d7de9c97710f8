using Microsoft.Extensions.DependencyInjection;
using Zonal.Central;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Hosting;

/// <summary>Central's handlers of the admin-only resources: TLDs, blacklists and TSIG keys.</summary>
public static class AdminRegistration
{
    public static void AddAdminResources(this IServiceCollection services)
    {
        services.AddScoped<ZoneNameAllowance>();

        services.AddScoped<TldManager>();
        services.AddScoped<ICallHandler<CreateTld, TldView>>(s => s.GetRequiredService<TldManager>());
        services.AddScoped<ICallHandler<ListTlds, Page<TldView>>>(s => s.GetRequiredService<TldManager>());
        services.AddScoped<ICallHandler<GetTld, TldView>>(s => s.GetRequiredService<TldManager>());
        services.AddScoped<ICallHandler<UpdateTld, TldView>>(s => s.GetRequiredService<TldManager>());
        services.AddScoped<ICallHandler<DeleteTld, TldView>>(s => s.GetRequiredService<TldManager>());

        services.AddScoped<BlacklistManager>();
        services.AddScoped<ICallHandler<CreateBlacklist, BlacklistView>>(s => s.GetRequiredService<BlacklistManager>());
        services.AddScoped<ICallHandler<ListBlacklists, Page<BlacklistView>>>(s => s.GetRequiredService<BlacklistManager>());
        services.AddScoped<ICallHandler<GetBlacklist, BlacklistView>>(s => s.GetRequiredService<BlacklistManager>());
        services.AddScoped<ICallHandler<UpdateBlacklist, BlacklistView>>(s => s.GetRequiredService<BlacklistManager>());
        services.AddScoped<ICallHandler<DeleteBlacklist, BlacklistView>>(s => s.GetRequiredService<BlacklistManager>());

        services.AddScoped<TsigKeyManager>();
        services.AddScoped<ICallHandler<CreateTsigKey, TsigKeyView>>(s => s.GetRequiredService<TsigKeyManager>());
        services.AddScoped<ICallHandler<ListTsigKeys, Page<TsigKeyView>>>(s => s.GetRequiredService<TsigKeyManager>());
        services.AddScoped<ICallHandler<GetTsigKey, TsigKeyView>>(s => s.GetRequiredService<TsigKeyManager>());
        services.AddScoped<ICallHandler<UpdateTsigKey, TsigKeyView>>(s => s.GetRequiredService<TsigKeyManager>());
        services.AddScoped<ICallHandler<DeleteTsigKey, TsigKeyView>>(s => s.GetRequiredService<TsigKeyManager>());
    }
}
