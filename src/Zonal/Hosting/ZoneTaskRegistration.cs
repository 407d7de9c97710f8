using Microsoft.Extensions.DependencyInjection;
using Zonal.Central;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Hosting;

/// <summary>Central's zone import and export handlers, and the xfr task of SECONDARY zones.</summary>
public static class ZoneTaskRegistration
{
    public static void AddZoneTasks(this IServiceCollection services)
    {
        services.AddScoped<ZoneTasks>();
        services.AddScoped<ICallHandler<ListZoneTasks, Page<ZoneTaskView>>>(s => s.GetRequiredService<ZoneTasks>());
        services.AddScoped<ICallHandler<GetZoneTask, ZoneTaskView>>(s => s.GetRequiredService<ZoneTasks>());
        services.AddScoped<ICallHandler<DeleteZoneTask, ZoneTaskView>>(s => s.GetRequiredService<ZoneTasks>());

        services.AddScoped<Storage.RecordSetBulkInsert>();
        services.AddScoped<ZoneImporter>();
        services.AddScoped<ICallHandler<CreateZoneImport, ZoneTaskView>>(s => s.GetRequiredService<ZoneImporter>());
        services.AddScoped<ICastHandler<RunZoneImport>>(s => s.GetRequiredService<ZoneImporter>());

        services.AddScoped<ZoneExporter>();
        services.AddScoped<ICallHandler<CreateZoneExport, ZoneTaskView>>(s => s.GetRequiredService<ZoneExporter>());
        services.AddScoped<ICastHandler<RunZoneExport>>(s => s.GetRequiredService<ZoneExporter>());
        services.AddScoped<ICallHandler<GetZoneExportFile, string>>(s => s.GetRequiredService<ZoneExporter>());

        services.AddScoped<ICallHandler<XfrZone, ZoneView>, ZoneXfrTask>();
        services.AddScoped<ICastHandler<StoreZoneTransfer>, SecondaryZoneStore>();
    }
}
