using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zonal.Dns;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Zone export, as Designate's synchronous worker export: the task completes with a designate://
/// location, and the file is rendered from the zone's current data whenever it is fetched.
/// </summary>
public sealed class ZoneExporter(ZonalDbContext db, WriteTransactions transactions, ZoneScope zones, ZoneTasks tasks, QuotaEnforcer quotas, IMessageBus bus, Policy policy)
    : ICallHandler<CreateZoneExport, ZoneTaskView>, ICastHandler<RunZoneExport>, ICallHandler<GetZoneExportFile, string>
{
    public async Task<ZoneTaskView> HandleAsync(CreateZoneExport call, CancellationToken ct)
    {
        var zone = await zones.FindAsync(call.Context, call.ZoneId, ct);
        policy.Enforce("zone_export", call.Context, zone.ProjectId);
        var project = Policy.RequireProject(call.Context);
        await quotas.CheckExportAsync(zone.ProjectId, await CountRecordSetsAsync(zone.Id, ct), ct);
        var task = await tasks.AddAsync(ZoneTaskKind.Export, project, zone.Id, ct);
        await bus.CastAsync(new RunZoneExport(task.Id, call.Context), ct);
        return ZoneTasks.ToView(task);
    }

    public async Task HandleAsync(RunZoneExport call, CancellationToken ct)
    {
        await using var tx = await transactions.BeginAsync(ct);
        var task = await tasks.FinishAsync(call.TaskId, Status.Complete, null, ct);
        var zone = await zones.Live.AsNoTracking().FirstOrDefaultAsync(z => z.Id == task.ZoneId, ct);
        try
        {
            if (zone is null)
            {
                throw ZoneScope.ZoneNotFound();
            }

            await quotas.CheckExportAsync(zone.ProjectId, await CountRecordSetsAsync(zone.Id, ct), ct);
            task.Location = $"designate://v2/zones/tasks/exports/{task.Id}/export";
        }
        catch (ServiceError e)
        {
            task.Status = Status.Error;
            task.Message = e.Detail ?? e.Type;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<string> HandleAsync(GetZoneExportFile call, CancellationToken ct)
    {
        var task = await tasks.FindAsync(call.Context, ZoneTaskKind.Export, call.TaskId, ct);
        policy.Enforce("zone_export", call.Context, task.ProjectId);
        if (task.Location is null || !task.Location.StartsWith("designate://", StringComparison.Ordinal))
        {
            throw ServiceError.BadRequest("The zone export is not available from this API");
        }

        var zone = await zones.Live.AsNoTracking().FirstOrDefaultAsync(z => z.Id == task.ZoneId, ct) ?? throw ZoneScope.ZoneNotFound();
        return await RenderAsync(zone, ct);
    }

    /// <summary>The zone as a zone file: every record set with its records, less those being deleted.</summary>
    private async Task<string> RenderAsync(ZoneRow zone, CancellationToken ct)
    {
        var origin = DnsName.Parse(zone.Name);
        var records = new List<DnsRecord>();
        var sets = db.RecordSets.AsNoTracking().Include(s => s.Records).Where(s => s.ZoneId == zone.Id).OrderBy(s => s.CreatedAt).AsAsyncEnumerable();
        await foreach (var set in sets.WithCancellation(ct))
        {
            var owner = DnsName.Parse(set.Name);
            uint ttl = (uint)(set.Ttl ?? zone.Ttl);
            foreach (var record in set.Records.Where(r => r.Action != ChangeAction.Delete))
            {
                records.Add(RecordText.ToRecord(owner, set.Type, ttl, record.Data));
            }
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Dns.ZoneFiles.ZoneWriter.Write(writer, origin, records);
        return writer.ToString();
    }

    private Task<int> CountRecordSetsAsync(Guid zoneId, CancellationToken ct) => db.RecordSets.CountAsync(s => s.ZoneId == zoneId, ct);
}
