using Microsoft.EntityFrameworkCore;

namespace Zonal.Storage;

/// <summary>The admin-only tables (TLDs, blacklists, TSIG keys), created by schema script 0002.</summary>
public static class AdminTables
{
    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TldRow>(tld =>
        {
            tld.ToTable("tlds");
            tld.HasKey(t => t.Id);
            tld.Property(t => t.Id).ValueGeneratedNever();
            ZonalDbContext.MapSnakeCase(tld.Metadata);
        });
        modelBuilder.Entity<BlacklistRow>(blacklist =>
        {
            blacklist.ToTable("blacklists");
            blacklist.HasKey(b => b.Id);
            blacklist.Property(b => b.Id).ValueGeneratedNever();
            ZonalDbContext.MapSnakeCase(blacklist.Metadata);
        });
        modelBuilder.Entity<TsigKeyRow>(key =>
        {
            key.ToTable("tsigkeys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).ValueGeneratedNever();
            ZonalDbContext.MapSnakeCase(key.Metadata);
        });
    }
}
