using Microsoft.Extensions.DependencyInjection;
using Zonal.Central;

namespace Zonal.Hosting;

/// <summary>Central's handlers of zone shares and zone ownership transfers.</summary>
public static class ZoneSharingRegistration
{
    public static void AddZoneSharing(this IServiceCollection services)
    {
        services.AddHandlers<ZoneShareManager>();
        services.AddHandlers<TransferRequestManager>();
        services.AddHandlers<TransferAcceptManager>();
    }
}
