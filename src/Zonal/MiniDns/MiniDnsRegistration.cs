using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.MiniDns;

namespace Zonal.MiniDns;

/// <summary>Wires MiniDNS into a host: its listener (UDP and TCP on the configured endpoints) and its two casts.</summary>
public static class MiniDnsRegistration
{
    public const string Section = "Zonal:MiniDns";

    public static void AddMiniDns(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MiniDnsOptions>(configuration.GetSection(Section));
        services.AddScoped<ZoneContentReader>();
        services.AddSingleton<MiniDnsHandler>();
        services.AddScoped<NotifyReceiver>();
        services.AddScoped<ICastHandler<NotifyZoneChanged>, NotifySender>();
        services.AddScoped<ICastHandler<PollForSerialNumber>, SerialPoller>();
        var options = configuration.GetSection(Section).Get<MiniDnsOptions>() ?? new MiniDnsOptions();
        if (!options.Enabled)
        {
            return;
        }

        services.AddSingleton<MiniDnsService>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<MiniDnsService>());
    }
}
