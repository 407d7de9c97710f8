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
        modelBuilder.MapTable<ZoneRow>("zones", z => z.Id);
        var recordSets = modelBuilder.MapTable<RecordSetRow>("recordsets", s => s.Id);
        recordSets.HasMany(s => s.Records).WithOne().HasForeignKey(r => r.RecordSetId);
        recordSets.HasOne<ZoneRow>().WithMany().HasForeignKey(s => s.ZoneId);
        modelBuilder.MapTable<RecordRow>("records", r => r.Id).Property(r => r.RecordSetId).HasColumnName("recordset_id");
        modelBuilder.MapTable<OutboxRow>("outbox", r => r.Id, identityKey: true);
        modelBuilder.MapTable<ZoneCountRow>("zone_counts", c => c.ProjectId);
        modelBuilder.MapTable<ZoneContentCountRow>("zone_content_counts", c => c.ZoneId);
        // The admin-only tables, created by schema script 0002.
        modelBuilder.MapTable<TldRow>("tlds", t => t.Id);
        modelBuilder.MapTable<BlacklistRow>("blacklists", b => b.Id);
        modelBuilder.MapTable<TsigKeyRow>("tsigkeys", k => k.Id);
        // Zone shares and ownership transfers, created by schema script 0004.
        modelBuilder.MapTable<SharedZoneRow>("shared_zones", s => s.Id);
        modelBuilder.MapTable<TransferRequestRow>("zone_transfer_requests", r => r.Id);
        modelBuilder.MapTable<TransferAcceptRow>("zone_transfer_accepts", a => a.Id);
        modelBuilder.MapTable<QuotaRow>("quotas", q => new { q.ProjectId, q.Resource });
        modelBuilder.MapTable<PoolRow>("pools", p => p.Id);
        modelBuilder.MapTable<ServiceStatusRow>("service_statuses", s => s.Id);
        modelBuilder.MapTable<ZoneTaskRow>("zone_tasks", t => t.Id);
        modelBuilder.MapTable<ZoneJournalRow>("zone_journal", r => r.Id, identityKey: true);
    }
}
