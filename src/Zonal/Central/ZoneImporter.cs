using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Dns;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Zone import: the call records a PENDING task and answers; the run reads the file as a stream,
/// then creates the zone and all its record sets in one transaction (inserted in batches), or
/// nothing, ending the task COMPLETE with the zone or ERROR with why.
/// </summary>
public sealed class ZoneImporter(
    ZonalDbContext db,
    WriteTransactions transactions,
    ZoneWriter zones,
    ZoneScope scope,
    ZoneTasks tasks,
    RecordSetBulkInsert bulk,
    QuotaEnforcer quotas,
    OutboxSignal outbox,
    IMessageBus bus,
    IOptions<ZonalOptions> options,
    ILogger<ZoneImporter> logger)
    : ICallHandler<CreateZoneImport, ZoneTaskView>, ICastHandler<RunZoneImport>
{
    /// <summary>Record sets written per bulk insert: enough to amortise a round trip, few enough to bound the row objects alive.</summary>
    private const int BatchSize = 1000;

    private CentralOptions Central => options.Value.Central;

    public async Task<ZoneTaskView> HandleAsync(CreateZoneImport call, CancellationToken ct)
    {
        Policy.CheckContext(call.Context);
        var project = Policy.RequireProject(call.Context);
        Policy.RequireMember(call.Context, project);
        ZoneFieldRules.CheckAttributes(call.Attributes);
        var task = await tasks.AddAsync(ZoneTaskKind.Import, project, null, ct);
        await bus.CastAsync(new RunZoneImport(task.Id, call.Context, call.ZoneFile, call.Attributes), ct);
        return ZoneTasks.ToView(task);
    }

    public async Task HandleAsync(RunZoneImport call, CancellationToken ct)
    {
        try
        {
            await ImportAsync(call, ct);
            outbox.Notify();
        }
        catch (ServiceError e)
        {
            await tasks.FailAsync(call.TaskId, ZoneFileImport.Describe(e), ct);
        }
        catch (Exception e) when (e is DnsFormatException or ArgumentException or FormatException)
        {
            await tasks.FailAsync(call.TaskId, e.Message, ct);
        }
        catch (Exception e)
        {
            logger.LogError(e, "zone import {TaskId} failed", call.TaskId);
            await tasks.FailAsync(call.TaskId, "An undefined error occurred. " + e.Message, ct);
        }
    }

    private async Task ImportAsync(RunZoneImport call, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var file = ZoneFileImport.Read(call.ZoneFile, call.Context, Central.MinTtl, Central.MaxRecordSetNameLength);
        var read = clock.Elapsed;
        var fields = await zones.CheckCreateAsync(
            new CreateZone(call.Context, file.Origin.ToString(), file.Email, file.Ttl, null, ZoneType.Primary, [], call.Attributes), ct);

        await using var tx = await transactions.BeginAsync(ct);
        var zone = await zones.AddAsync(fields, file.Soa, ct);
        await RejectChildZoneNamesAsync(zone, file, ct);
        int managedSets = db.ChangeTracker.Entries<RecordSetRow>().Count();
        int managedRecords = db.ChangeTracker.Entries<RecordRow>().Count();
        await quotas.CheckZoneContentAsync(
            zone.ProjectId,
            managedSets + file.RecordSets.Count,
            managedRecords + file.RecordCount,
            file.RecordSets.Count == 0 ? 0 : file.RecordSets.Max(s => s.Records.Count),
            ct);
        await zones.SaveAsync(ct);
        db.ChangeTracker.Clear();
        var zoneAdded = clock.Elapsed;
        await InsertAsync(zone, file, call.Context.ProjectId ?? zone.ProjectId, ct);

        var task = await tasks.FinishAsync(call.TaskId, Status.Complete, null, ct);
        task.ZoneId = zone.Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation(
            "zone import {TaskId} created {Zone} with {RecordSets} record sets, {Records} records: read {Read} ms, zone {Zone} ms, total {Total} ms",
            call.TaskId, zone.Name, file.RecordSets.Count, file.RecordCount, read.TotalMilliseconds, zoneAdded.TotalMilliseconds, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Rows built one batch at a time and written in bulk, so only one batch of row objects exists at once.</summary>
    private async Task InsertAsync(ZoneRow zone, ImportedZone file, string projectId, CancellationToken ct)
    {
        var now = zone.CreatedAt;
        var batch = new List<RecordSetRow>(BatchSize);
        for (int start = 0; start < file.RecordSets.Count; start += BatchSize)
        {
            batch.Clear();
            for (int i = start; i < Math.Min(start + BatchSize, file.RecordSets.Count); i++)
            {
                var imported = file.RecordSets[i];
                var set = new RecordSetRow
                {
                    Id = Guid.NewGuid(),
                    ZoneId = zone.Id,
                    ProjectId = projectId,
                    Name = imported.Name,
                    Type = imported.Type,
                    Ttl = imported.Ttl,
                    Version = 1,
                    CreatedAt = now,
                };
                set.Records.AddRange(imported.Records.Select(data => ManagedRecords.NewRecord(set, data, zone.Serial, now)));
                batch.Add(set);
            }

            await bulk.InsertAsync(batch, ct);
        }
    }

    /// <summary>A name at or below an existing child zone's apex belongs to that zone, except the delegating NS set.</summary>
    private async Task RejectChildZoneNamesAsync(ZoneRow zone, ImportedZone file, CancellationToken ct)
    {
        var children = await scope.LiveBelow(zone.Name).Select(z => z.Name).ToListAsync(ct);
        if (children.Count == 0)
        {
            return;
        }

        var childNames = children.Select(c => DnsName.Parse(c)).ToList();
        foreach (var set in file.RecordSets)
        {
            var name = DnsName.Parse(set.Name);
            var child = childNames.FirstOrDefault(c => name.IsSubdomainOf(c));
            if (child is not null && !(set.Type == "NS" && name.Equals(child)))
            {
                throw ZoneFileImport.Error(set.Position, $"{set.Name} {set.Type}: RecordSet belongs in a child zone: {child}");
            }
        }
    }
}
