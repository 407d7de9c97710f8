using Microsoft.EntityFrameworkCore;

namespace Zonal.Storage;

/// <summary>
/// The tenant data. The schema is created by <see cref="Schema.SchemaMigrator"/> from versioned SQL,
/// so the mapping here names every table and column explicitly to match it.
/// </summary>
public sealed class ZonalDbContext : DbContext
{
    public ZonalDbContext(DbContextOptions<ZonalDbContext> options)
        : base(options)
    {
        // Every write runs in one explicit transaction that is rolled back whole on failure,
        // so EF's savepoints around SaveChanges would only cost round trips.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<ZoneRow> Zones => Set<ZoneRow>();

    public DbSet<RecordSetRow> RecordSets => Set<RecordSetRow>();

    public DbSet<RecordRow> Records => Set<RecordRow>();

    public DbSet<OutboxRow> Outbox => Set<OutboxRow>();

    public DbSet<QuotaRow> Quotas => Set<QuotaRow>();

    public DbSet<PoolRow> Pools => Set<PoolRow>();

    public DbSet<ServiceStatusRow> ServiceStatuses => Set<ServiceStatusRow>();

    public DbSet<SharedZoneRow> SharedZones => Set<SharedZoneRow>();

    public DbSet<TransferRequestRow> TransferRequests => Set<TransferRequestRow>();

    public DbSet<TransferAcceptRow> TransferAccepts => Set<TransferAcceptRow>();

    public DbSet<ZoneTaskRow> ZoneTasks => Set<ZoneTaskRow>();

    public DbSet<ZoneJournalRow> ZoneJournal => Set<ZoneJournalRow>();

    public DbSet<ZoneCountRow> ZoneCounts => Set<ZoneCountRow>();

    public DbSet<ZoneContentCountRow> ZoneContentCounts => Set<ZoneContentCountRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ZoneRow>(zone =>
        {
            zone.ToTable("zones");
            zone.HasKey(z => z.Id);
            zone.Property(z => z.Id).ValueGeneratedNever();
            MapSnakeCase(zone.Metadata);
        });
        modelBuilder.Entity<RecordSetRow>(set =>
        {
            set.ToTable("recordsets");
            set.HasKey(s => s.Id);
            set.Property(s => s.Id).ValueGeneratedNever();
            set.HasMany(s => s.Records).WithOne().HasForeignKey(r => r.RecordSetId);
            set.HasOne<ZoneRow>().WithMany().HasForeignKey(s => s.ZoneId);
            MapSnakeCase(set.Metadata);
        });
        modelBuilder.Entity<RecordRow>(record =>
        {
            record.ToTable("records");
            record.HasKey(r => r.Id);
            record.Property(r => r.Id).ValueGeneratedNever();
            MapSnakeCase(record.Metadata);
            record.Property(r => r.RecordSetId).HasColumnName("recordset_id");
        });
        modelBuilder.Entity<OutboxRow>(row =>
        {
            row.ToTable("outbox");
            row.HasKey(r => r.Id);
            row.Property(r => r.Id).ValueGeneratedOnAdd();
            MapSnakeCase(row.Metadata);
        });
        modelBuilder.Entity<ZoneCountRow>(count =>
        {
            count.ToTable("zone_counts");
            count.HasKey(c => c.ProjectId);
            MapSnakeCase(count.Metadata);
        });
        modelBuilder.Entity<ZoneContentCountRow>(count =>
        {
            count.ToTable("zone_content_counts");
            count.HasKey(c => c.ZoneId);
            count.Property(c => c.ZoneId).ValueGeneratedNever();
            MapSnakeCase(count.Metadata);
        });
        AdminTables.Map(modelBuilder);
        ZoneSharingTables.Map(modelBuilder);
        modelBuilder.Entity<QuotaRow>(quota =>
        {
            quota.ToTable("quotas");
            quota.HasKey(q => new { q.ProjectId, q.Resource });
            MapSnakeCase(quota.Metadata);
        });
        modelBuilder.Entity<PoolRow>(pool =>
        {
            pool.ToTable("pools");
            pool.HasKey(p => p.Id);
            pool.Property(p => p.Id).ValueGeneratedNever();
            MapSnakeCase(pool.Metadata);
        });
        modelBuilder.Entity<ServiceStatusRow>(status =>
        {
            status.ToTable("service_statuses");
            status.HasKey(s => s.Id);
            status.Property(s => s.Id).ValueGeneratedNever();
            MapSnakeCase(status.Metadata);
        });
        modelBuilder.Entity<ZoneTaskRow>(task =>
        {
            task.ToTable("zone_tasks");
            task.HasKey(t => t.Id);
            task.Property(t => t.Id).ValueGeneratedNever();
            MapSnakeCase(task.Metadata);
        });
        modelBuilder.Entity<ZoneJournalRow>(row =>
        {
            row.ToTable("zone_journal");
            row.HasKey(r => r.Id);
            row.Property(r => r.Id).ValueGeneratedOnAdd();
            MapSnakeCase(row.Metadata);
        });
    }

    internal static void MapSnakeCase(Microsoft.EntityFrameworkCore.Metadata.IMutableEntityType entity)
    {
        foreach (var property in entity.GetProperties())
        {
            property.SetColumnName(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
        }
    }
}
