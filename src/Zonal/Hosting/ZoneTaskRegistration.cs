using Microsoft.Extensions.DependencyInjection;
using Zonal.Central;

namespace Zonal.Hosting;

/// <summary>Central's zone import and export handlers (and the end of imports cut off by a restart), and the xfr task of SECONDARY zones.</summary>
public static class ZoneTaskRegistration
{
    public static void AddZoneTasks(this IServiceCollection services)
    {
        services.AddHandlers<ZoneTasks>();
        services.AddScoped<Storage.RecordSetBulkInsert>();
        services.AddHandlers<ZoneImporter>();
        services.AddHostedService<StaleImportSweeper>();
        services.AddHandlers<ZoneExporter>();
        services.AddHandlers<ZoneXfrTask>();
        services.AddHandlers<SecondaryZoneStore>();
    }
}
