using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>Creates, changes and deletes zones, each in one transaction with its outbox row.</summary>
public sealed class ZoneWriter(
    ZonalDbContext db,
    WriteTransactions transactions,
    ZoneScope zones,
    ZoneLock zoneLock,
    ZoneChangeRecorder changes,
    ManagedRecords managed,
    OutboxSignal outbox,
    QuotaEnforcer quotas,
    IOptions<ZonalOptions> options,
    ZoneNameAllowance allowance,
    PoolScheduler scheduler)
    : ICallHandler<CreateZone, ZoneView>, ICallHandler<UpdateZone, ZoneView>, ICallHandler<DeleteZone, ZoneView>, ICallHandler<AbandonZone, ZoneView>
{
    private CentralOptions Central => options.Value.Central;

    public async Task<ZoneView> HandleAsync(CreateZone call, CancellationToken ct)
    {
        var ctx = call.Context;
        Policy.CheckContext(ctx);
        var project = Policy.RequireProject(ctx);
        Policy.RequireMember(ctx, project);

        var name = NameRules.ParseZoneName(call.Name, Central.MaxZoneNameLength);
        await allowance.CheckAsync(ctx, call.Name, ct);
        bool secondary = call.Type == ZoneType.Secondary;
        string email;
        if (secondary)
        {
            if (call.Email is not null || call.Ttl is not null)
            {
                throw ServiceError.InvalidObject("email and ttl can not be set on a SECONDARY zone");
            }

            ZoneFieldRules.CheckMasters(call.Masters, required: true);
            email = Central.ManagedResourceEmail;
        }
        else
        {
            email = call.Email ?? throw ServiceError.Schema(new FieldError(["email"], "'email' is a required property", "required", new[] { "email" }));
            NameRules.CheckEmail(email);
            ZoneFieldRules.CheckMasters(call.Masters, required: false);
        }

        int ttl = call.Ttl ?? Central.DefaultTtl;
        ZoneFieldRules.CheckTtl(ttl);
        ZoneFieldRules.CheckDescription(call.Description);
        ZoneFieldRules.CheckAttributes(call.Attributes);
        Policy.RequireLowTtlAllowed(ctx, ttl, Central.MinTtl);

        await using var tx = await transactions.BeginAsync(ct);
        await zoneLock.AcquireZoneCreationAsync(ct);
        await CheckPlacementAsync(project, name, ct);
        await quotas.CheckZoneCreateAsync(project, ct);
        var poolId = await scheduler.ScheduleAsync(ctx, call.Attributes, ct);

        var now = changes.Now;
        var zone = new ZoneRow
        {
            Id = Guid.NewGuid(),
            ProjectId = project,
            PoolId = poolId,
            Name = call.Name,
            Email = email,
            Ttl = ttl,
            Serial = secondary ? 1 : new DateTimeOffset(now).ToUnixTimeSeconds(),
            Refresh = Random.Shared.Next(Central.SoaRefreshMin, Central.SoaRefreshMax + 1),
            Retry = Central.SoaRetry,
            Expire = Central.SoaExpire,
            Minimum = Central.SoaMinimum,
            Status = Status.Pending,
            Action = ChangeAction.Create,
            Type = secondary ? ZoneType.Secondary : ZoneType.Primary,
            Description = call.Description,
            Masters = JsonSerializer.Serialize(call.Masters),
            Attributes = JsonSerializer.Serialize(call.Attributes),
            Version = 1,
            CreatedAt = now,
        };
        db.Zones.Add(zone);
        if (!secondary)
        {
            db.RecordSets.AddRange(await managed.ForNewZoneAsync(zone, ct));
        }

        changes.RecordCreate(zone);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Notify();
        return ViewMapper.ToView(zone);
    }

    public async Task<ZoneView> HandleAsync(UpdateZone call, CancellationToken ct)
    {
        await using var tx = await transactions.BeginAsync(ct);
        var zone = await zones.FindForWriteAsync(call.Context, call.ZoneId, ct);
        Policy.RequireMember(call.Context, zone.ProjectId);
        ZoneFieldRules.RejectDeleting(zone);
        bool secondary = zone.Type == ZoneType.Secondary;
        if (secondary && (call.Email is not null || call.Ttl is not null))
        {
            throw ServiceError.InvalidObject("email and ttl can not be set on a SECONDARY zone");
        }

        if (call.Email is { } email)
        {
            NameRules.CheckEmail(email.Value);
            zone.Email = email.Value;
        }

        if (call.Ttl is { } ttl)
        {
            ZoneFieldRules.CheckTtl(ttl.Value);
            Policy.RequireLowTtlAllowed(call.Context, ttl.Value, Central.MinTtl);
            zone.Ttl = ttl.Value;
        }

        if (call.Description is { } description)
        {
            ZoneFieldRules.CheckDescription(description.Value);
            zone.Description = description.Value;
        }

        if (call.Masters is { } masters)
        {
            ZoneFieldRules.CheckMasters(masters.Value, required: secondary);
            zone.Masters = JsonSerializer.Serialize(masters.Value);
        }

        await changes.RecordUpdateAsync(zone, ct);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Notify();
        return ViewMapper.ToView(zone);
    }

    public async Task<ZoneView> HandleAsync(DeleteZone call, CancellationToken ct)
    {
        await using var tx = await transactions.BeginAsync(ct);
        var zone = await zones.FindForWriteAsync(call.Context, call.ZoneId, ct);
        Policy.RequireMember(call.Context, zone.ProjectId);
        ZoneFieldRules.RejectDeleting(zone);
        await RejectSubZonesAsync(zone, ct);
        changes.RecordDelete(zone);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Notify();
        return ViewMapper.ToView(zone);
    }

    /// <summary>
    /// Abandon removes the zone from storage at once; its nameservers keep serving it until an
    /// operator removes it there. Nothing is propagated, so no outbox row.
    /// </summary>
    public async Task<ZoneView> HandleAsync(AbandonZone call, CancellationToken ct)
    {
        await using var tx = await transactions.BeginAsync(ct);
        var zone = await zones.FindForWriteAsync(call.Context, call.ZoneId, ct);
        Policy.RequireAdmin(call.Context);
        await RejectSubZonesAsync(zone, ct);
        zone.DeletedAt = changes.Now;
        zone.Status = Status.Deleted;
        zone.Action = ChangeAction.None;
        zone.Version++;
        zone.UpdatedAt = zone.DeletedAt;
        await db.Outbox.Where(o => o.ZoneId == zone.Id && o.ProcessedAt == null)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.ProcessedAt, zone.DeletedAt), ct);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return ViewMapper.ToView(zone);
    }

    private async Task RejectSubZonesAsync(ZoneRow zone, CancellationToken ct)
    {
        var suffix = "." + zone.Name.ToLowerInvariant();
        if (await zones.Live.AnyAsync(z => z.Name.ToLower().EndsWith(suffix), ct))
        {
            throw new ServiceError(400, "zone_has_sub_zone", "Please delete any subzones before deleting this zone");
        }
    }

    /// <summary>
    /// A name is taken once per pool; another project's zone may not sit above or below it,
    /// so no tenant can capture names inside someone else's zone.
    /// </summary>
    private async Task CheckPlacementAsync(string project, Dns.DnsName name, CancellationToken ct)
    {
        var own = name.ToString().ToLowerInvariant();
        var ancestors = ZoneScope.SelfAndAncestors(name);
        var above = await zones.Live.Where(z => ancestors.Contains(z.Name.ToLower()))
            .Select(z => new { Name = z.Name.ToLower(), z.ProjectId }).ToListAsync(ct);
        if (above.Any(z => z.Name == own))
        {
            throw ServiceError.Duplicate("duplicate_zone", "Duplicate Zone");
        }

        if (above.Any(z => z.ProjectId != project))
        {
            throw new ServiceError(403, "illegal_child", "Unable to create zone because another tenant owns a parent zone");
        }

        var suffix = "." + own;
        if (await zones.Live.AnyAsync(z => z.ProjectId != project && z.Name.ToLower().EndsWith(suffix), ct))
        {
            throw new ServiceError(403, "illegal_parent", "Unable to create zone because another tenant owns a subzone of the zone");
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw ServiceError.Duplicate("duplicate_zone", "Duplicate Zone");
        }
    }
}
