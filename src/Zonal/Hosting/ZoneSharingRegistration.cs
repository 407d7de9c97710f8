using Microsoft.Extensions.DependencyInjection;
using Zonal.Central;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Hosting;

/// <summary>Central's handlers of zone shares and zone ownership transfers.</summary>
public static class ZoneSharingRegistration
{
    public static void AddZoneSharing(this IServiceCollection services)
    {
        services.AddScoped<ZoneShareManager>();
        services.AddScoped<ICallHandler<ShareZone, SharedZoneView>>(s => s.GetRequiredService<ZoneShareManager>());
        services.AddScoped<ICallHandler<ListZoneShares, Page<SharedZoneView>>>(s => s.GetRequiredService<ZoneShareManager>());
        services.AddScoped<ICallHandler<GetZoneShare, SharedZoneView>>(s => s.GetRequiredService<ZoneShareManager>());
        services.AddScoped<ICallHandler<UnshareZone, SharedZoneView>>(s => s.GetRequiredService<ZoneShareManager>());

        services.AddScoped<TransferRequestManager>();
        services.AddScoped<ICallHandler<CreateTransferRequest, TransferRequestView>>(s => s.GetRequiredService<TransferRequestManager>());
        services.AddScoped<ICallHandler<ListTransferRequests, Page<TransferRequestView>>>(s => s.GetRequiredService<TransferRequestManager>());
        services.AddScoped<ICallHandler<GetTransferRequest, TransferRequestView>>(s => s.GetRequiredService<TransferRequestManager>());
        services.AddScoped<ICallHandler<UpdateTransferRequest, TransferRequestView>>(s => s.GetRequiredService<TransferRequestManager>());
        services.AddScoped<ICallHandler<DeleteTransferRequest, TransferRequestView>>(s => s.GetRequiredService<TransferRequestManager>());

        services.AddScoped<TransferAcceptManager>();
        services.AddScoped<ICallHandler<AcceptTransfer, TransferAcceptView>>(s => s.GetRequiredService<TransferAcceptManager>());
        services.AddScoped<ICallHandler<ListTransferAccepts, Page<TransferAcceptView>>>(s => s.GetRequiredService<TransferAcceptManager>());
        services.AddScoped<ICallHandler<GetTransferAccept, TransferAcceptView>>(s => s.GetRequiredService<TransferAcceptManager>());
    }
}
