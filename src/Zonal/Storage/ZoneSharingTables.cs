using Microsoft.EntityFrameworkCore;

namespace Zonal.Storage;

/// <summary>Zone shares and ownership transfers, created by schema script 0004.</summary>
public static class ZoneSharingTables
{
    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SharedZoneRow>(share =>
        {
            share.ToTable("shared_zones");
            share.HasKey(s => s.Id);
            share.Property(s => s.Id).ValueGeneratedNever();
            ZonalDbContext.MapSnakeCase(share.Metadata);
        });
        modelBuilder.Entity<TransferRequestRow>(request =>
        {
            request.ToTable("zone_transfer_requests");
            request.HasKey(r => r.Id);
            request.Property(r => r.Id).ValueGeneratedNever();
            ZonalDbContext.MapSnakeCase(request.Metadata);
        });
        modelBuilder.Entity<TransferAcceptRow>(accept =>
        {
            accept.ToTable("zone_transfer_accepts");
            accept.HasKey(a => a.Id);
            accept.Property(a => a.Id).ValueGeneratedNever();
            ZonalDbContext.MapSnakeCase(accept.Metadata);
        });
    }
}
