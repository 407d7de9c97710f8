using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Zonal.Configuration;
using Zonal.Nameserver;

namespace Zonal.Hosting;

/// <summary>Wires the builtin secondary nameserver (section Zonal:Nameserver) and its message handlers.</summary>
public static class NameserverRegistration
{
    public const string Section = "Zonal:Nameserver";

    public static void AddBuiltinNameserver(this IServiceCollection services, IConfiguration configuration, ZonalOptions zonal)
    {
        var options = new NameserverOptions();
        configuration.GetSection(Section).Bind(options);
        if (!options.Enabled)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            options.DataDirectory = Path.Combine(zonal.DataDirectory, "nameserver");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(provider => new ZoneFiles(Path.GetFullPath(options.DataDirectory), provider.GetRequiredService<ILogger<ZoneFiles>>()));
        services.AddSingleton<ZoneStore>();
        services.AddSingleton(s => new ZoneTransferClient(s.GetRequiredService<TimeProvider>()) { Timeout = TimeSpan.FromSeconds(options.TransferTimeoutSeconds) });
        services.AddSingleton<ZoneRefresher>();
        services.AddSingleton<SecondaryZones>();
        services.AddSingleton<NameserverRequestHandler>();
        services.AddHandlers<SecondaryZoneCommands>();
        services.AddSingleton<BuiltinNameserverService>();
        services.AddHostedService(s => s.GetRequiredService<BuiltinNameserverService>());
    }
}
