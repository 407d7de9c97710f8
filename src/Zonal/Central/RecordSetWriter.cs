using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Dns;
using Zonal.Domain;
using Zonal.Domain.PolicyLanguage;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Creates, replaces and deletes record sets. Each write locks its zone, checks the rules against
/// committed data, bumps the serial and writes the outbox row, all in one transaction.
/// </summary>
public sealed class RecordSetWriter(
    ZonalDbContext db,
    WriteTransactions transactions,
    ZoneScope zones,
    RecordSetCreateReads reads,
    RecordSetRules rules,
    ZoneChangeRecorder changes,
    OutboxSignal outbox,
    QuotaEnforcer quotas,
    IOptions<ZonalOptions> options,
    Policy policy)
    : ICallHandler<CreateRecordSet, RecordSetView>, ICallHandler<UpdateRecordSet, RecordSetView>, ICallHandler<DeleteRecordSet, RecordSetView>
{
    private CentralOptions Central => options.Value.Central;

    public async Task<RecordSetView> HandleAsync(CreateRecordSet call, CancellationToken ct)
    {
        var ctx = call.Context;
        RecordSetRules.CheckType(call.Type);
        if (call.Type == "SOA")
        {
            throw ServiceError.BadRequest("Creating a SOA recordset is not allowed");
        }

        CheckTtlAndDescription(ctx, call.Ttl, call.Description);
        var records = RecordSetRules.CheckRecords(call.Type, call.Records);
        var parsed = NameRules.ParseRecordSetName(call.Name, Central.MaxRecordSetNameLength);

        await using var tx = await transactions.BeginAsync(ct);
        var (zone, facts, soa) = await reads.ReadAsync(ctx, call.ZoneId, parsed, call.Type, ct);
        policy.Enforce("create_recordset", ctx, PolicyTarget.Zone(zone.ProjectId, zone.Type, ZoneScope.ReachedBySharing(ctx, zone)));
        ZoneFieldRules.RejectDeleting(zone);
        var name = RecordSetRules.CheckName(parsed, call.Name, call.Type, DnsName.Parse(zone.Name));
        rules.CheckCreate(zone, facts, name, call.Type, records.Count);

        var serial = await changes.RecordUpdateAsync(zone, soa, ct);
        var now = changes.Now;
        var set = new RecordSetRow
        {
            Id = Guid.NewGuid(),
            ZoneId = zone.Id,
            ProjectId = ctx.ProjectId ?? zone.ProjectId,
            Name = call.Name,
            Type = call.Type,
            Ttl = call.Ttl,
            Description = call.Description,
            Managed = call.Managed is not null,
            Version = 1,
            CreatedAt = now,
        };
        set.Records.AddRange(records.Select(data => ManagedRecords.NewRecord(set, data, serial, now, set.Managed)));
        ManagedRecords.Stamp(set, call.Managed);
        db.RecordSets.Add(set);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Notify();
        return ViewMapper.ToView(set, zone.Name);
    }

    public async Task<RecordSetView> HandleAsync(UpdateRecordSet call, CancellationToken ct)
    {
        var ctx = call.Context;
        await using var tx = await transactions.BeginAsync(ct);
        var zone = await zones.FindForWriteAsync(ctx, call.ZoneId, ct);
        var set = await FindAsync(zone, call.RecordSetId, ct);
        policy.Enforce("update_recordset", ctx, PolicyTarget.RecordSet(zone.ProjectId, zone.Type, ZoneScope.ReachedBySharing(ctx, zone), set.ProjectId));
        ZoneFieldRules.RejectDeleting(zone);
        if (set.Type == "SOA" || (set.Type == "NS" && set.Managed))
        {
            throw ServiceError.BadRequest($"Updating a managed {set.Type} recordset is not allowed");
        }

        RequireManagedEdit(ctx, set);
        if (call.Ttl is { } ttl)
        {
            CheckTtlAndDescription(ctx, ttl.Value, null);
            set.Ttl = ttl.Value;
        }

        if (call.Description is { } description)
        {
            ZoneFieldRules.CheckDescription(description.Value);
            set.Description = description.Value;
        }

        var wanted = call.Records is { } records ? RecordSetRules.CheckRecords(set.Type, records.Value) : null;
        if (wanted is not null)
        {
            await quotas.CheckRecordSetAsync(zone, set.Id, wanted.Count, ct);
        }

        var serial = await changes.RecordUpdateAsync(zone, ct);
        Rewrite(set, wanted, serial, changes.Now, set.Managed);
        ManagedRecords.Stamp(set, call.Managed);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Notify();
        return ViewMapper.ToView(set, zone.Name);
    }

    public async Task<RecordSetView> HandleAsync(DeleteRecordSet call, CancellationToken ct)
    {
        var ctx = call.Context;
        await using var tx = await transactions.BeginAsync(ct);
        var zone = await zones.FindForWriteAsync(ctx, call.ZoneId, ct);
        var set = await FindAsync(zone, call.RecordSetId, ct);
        policy.Enforce("delete_recordset", ctx, PolicyTarget.RecordSet(zone.ProjectId, zone.Type, ZoneScope.ReachedBySharing(ctx, zone), set.ProjectId));
        ZoneFieldRules.RejectDeleting(zone);
        if (set.Type == "SOA")
        {
            throw ServiceError.BadRequest("Deleting a SOA recordset is not allowed");
        }

        RequireManagedEdit(ctx, set);
        var serial = await changes.RecordUpdateAsync(zone, ct);
        foreach (var record in set.Records)
        {
            record.Status = Status.Pending;
            record.Action = ChangeAction.Delete;
            record.Serial = serial;
        }

        // The view is taken before the rows go: the set leaves storage now, and the outbox row
        // carries its removal to the nameservers.
        var view = ViewMapper.ToView(set, zone.Name);
        db.RecordSets.Remove(set);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Notify();
        return view;
    }

    /// <summary>
    /// Marks a changed set and its live records pending at the new serial, after replacing its
    /// records by <paramref name="wanted"/> when given.
    /// </summary>
    public static void Rewrite(RecordSetRow set, List<string>? wanted, long serial, DateTime now, bool managed = false)
    {
        if (wanted is not null)
        {
            ReplaceRecords(set, wanted, serial, now, managed);
        }

        foreach (var record in set.Records.Where(r => r.Action != ChangeAction.Delete))
        {
            record.Status = Status.Pending;
            record.Action = record.Action == ChangeAction.Create ? ChangeAction.Create : ChangeAction.Update;
            record.Serial = serial;
        }

        set.Version++;
        set.UpdatedAt = now;
    }

    /// <summary>
    /// The new list replaces the old by exact data: kept records stay, missing ones are marked for
    /// deletion until the nameservers confirm, new ones are created.
    /// </summary>
    private static void ReplaceRecords(RecordSetRow set, List<string> wanted, long serial, DateTime now, bool managed)
    {
        var wantedSet = wanted.ToHashSet(StringComparer.Ordinal);
        foreach (var record in set.Records)
        {
            if (!wantedSet.Remove(record.Data))
            {
                record.Action = ChangeAction.Delete;
                record.Status = Status.Pending;
                record.Serial = serial;
                record.UpdatedAt = now;
            }
            else if (record.Action == ChangeAction.Delete)
            {
                record.Action = ChangeAction.Update;
                record.UpdatedAt = now;
            }
        }

        foreach (var data in wanted.Where(wantedSet.Contains))
        {
            set.Records.Add(ManagedRecords.NewRecord(set, data, serial, now, managed));
        }
    }

    private void CheckTtlAndDescription(RequestContext ctx, int? ttl, string? description)
    {
        if (ttl is int value)
        {
            ZoneFieldRules.CheckTtl(value);
            policy.RequireLowTtlAllowed(ctx, value, Central.MinTtl);
        }

        ZoneFieldRules.CheckDescription(description);
    }

    private static void RequireManagedEdit(RequestContext ctx, RecordSetRow set)
    {
        if (set.Managed && !ctx.EditManagedRecords)
        {
            throw ServiceError.BadRequest("Managed records may not be updated");
        }
    }

    private async Task<RecordSetRow> FindAsync(ZoneRow zone, Guid id, CancellationToken ct) =>
        await db.RecordSets.Include(s => s.Records).FirstOrDefaultAsync(s => s.Id == id && s.ZoneId == zone.Id, ct)
            ?? throw RecordSetReader.NotFound();

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw ServiceError.Duplicate("duplicate_recordset", "Duplicate RecordSet");
        }
    }
}
