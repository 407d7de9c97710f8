using Microsoft.EntityFrameworkCore;

namespace Zonal.Storage;

/// <summary>Zone shares and ownership transfers, created by schema script 0004.</summary>
public static class ZoneSharingTables
{
    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.MapTable<SharedZoneRow>("shared_zones", s => s.Id);
        modelBuilder.MapTable<TransferRequestRow>("zone_transfer_requests", r => r.Id);
        modelBuilder.MapTable<TransferAcceptRow>("zone_transfer_accepts", a => a.Id);
    }
}
