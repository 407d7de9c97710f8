using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Messaging.Contracts.Worker;
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
    PoolScheduler scheduler,
    PoolKeyRule poolKeys,
    IMessageBus bus,
    Policy policy,
    CatalogZones catalogs)
    : ICallHandler<CreateZone, ZoneView>, ICallHandler<UpdateZone, ZoneView>, ICallHandler<DeleteZone, ZoneView>, ICallHandler<AbandonZone, ZoneView>
{
    private CentralOptions Central => options.Value.Central;

    public async Task<ZoneView> HandleAsync(CreateZone call, CancellationToken ct)
    {
        var fields = await CheckCreateAsync(call, ct);
        await using var tx = await transactions.BeginAsync(ct);
        var zone = await AddAsync(fields, null, ct);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Notify();
        if (fields.Secondary)
        {
            await bus.CastAsync(new TransferZone(zone.Id), ct);
        }

        return ViewMapper.ToView(zone);
    }

    /// <summary>The checks of a new zone that need no transaction: policy, name, fields.</summary>
    public async Task<NewZone> CheckCreateAsync(CreateZone call, CancellationToken ct)
    {
        var ctx = call.Context;
        policy.CheckContext(ctx);
        var project = Policy.RequireProject(ctx);
        policy.Enforce("create_zone", ctx, project);
        if (call.Type == ZoneType.Catalog)
        {
            throw ServiceError.Forbidden("CATALOG zones are made from pools.yaml, not through the API");
        }

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
        policy.RequireLowTtlAllowed(ctx, ttl, Central.MinTtl);
        return new NewZone(call, project, name, email, ttl, secondary);
    }

    /// <summary>
    /// Adds a checked zone, its managed record sets and its outbox row inside the caller's transaction,
    /// after the zone-creation lock, the placement rules and the zone quota. An import passes the
    /// serial and timers of its file's SOA.
    /// </summary>
    public async Task<ZoneRow> AddAsync(NewZone fields, SoaTimers? soa, CancellationToken ct)
    {
        var call = fields.Call;
        await zoneLock.AcquireZoneCreationAsync(ct);
        await CheckPlacementAsync(fields.Project, fields.Name, ct);
        await quotas.CheckZoneCreateAsync(fields.Project, ct);
        var poolId = await scheduler.ScheduleAsync(call.Context, call.Attributes, ct);
        await poolKeys.EnforceAsync(poolId, ct);

        var now = changes.Now;
        var zone = new ZoneRow
        {
            Id = Guid.NewGuid(),
            ProjectId = fields.Project,
            PoolId = poolId,
            Name = call.Name,
            Email = fields.Email,
            Ttl = fields.Ttl,
            Serial = soa?.Serial ?? (fields.Secondary ? 1 : ZoneSerials.At(now)),
            Refresh = Random.Shared.Next(Central.SoaRefreshMin, Central.SoaRefreshMax + 1),
            Retry = soa?.Retry ?? Central.SoaRetry,
            Expire = soa?.Expire ?? Central.SoaExpire,
            Minimum = Central.SoaMinimum,
            Status = Status.Pending,
            Action = ChangeAction.Create,
            Type = fields.Secondary ? ZoneType.Secondary : ZoneType.Primary,
            Description = call.Description,
            Masters = JsonSerializer.Serialize(call.Masters),
            Attributes = JsonSerializer.Serialize(call.Attributes),
            Version = 1,
            CreatedAt = now,
        };
        db.Zones.Add(zone);
        // One read of the pool gives both the NS records of the managed sets and whether a catalog lists the zone.
        var pool = await db.Pools.AsNoTracking().Where(p => p.Id == poolId).Select(p => new { p.NsRecords, p.CatalogZone }).FirstOrDefaultAsync(ct);
        managed.Remember(poolId, pool?.NsRecords);
        catalogs.Remember(poolId, pool?.CatalogZone);
        await catalogs.TouchAsync(poolId, now, ct);
        if (!fields.Secondary)
        {
            db.RecordSets.AddRange(await managed.ForNewZoneAsync(zone, ct));
        }

        // A SECONDARY zone goes to the pool with its first transfer: until then there is nothing to serve.
        if (!fields.Secondary)
        {
            changes.RecordCreate(zone);
        }

        return zone;
    }

    public async Task<ZoneView> HandleAsync(UpdateZone call, CancellationToken ct)
    {
        await using var tx = await transactions.BeginAsync(ct);
        var zone = await zones.FindForWriteAsync(call.Context, call.ZoneId, ct);
        policy.Enforce("update_zone", call.Context, zone.ProjectId);
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
            policy.RequireLowTtlAllowed(call.Context, ttl.Value, Central.MinTtl);
            zone.Ttl = ttl.Value;
        }

        if (call.Description is { } description)
        {
            ZoneFieldRules.CheckDescription(description.Value);
            zone.Description = description.Value;
        }

        bool mastersChanged = false;
        if (call.Masters is { } masters)
        {
            ZoneFieldRules.CheckMasters(masters.Value, required: secondary);
            var stored = JsonSerializer.Serialize(masters.Value);
            mastersChanged = stored != zone.Masters;
            zone.Masters = stored;
        }

        bool transferAgain = mastersChanged;
        if (call.Attributes is { } attributes)
        {
            // Designate replaces the whole set and resets transferred_at, so a SECONDARY zone transfers anew.
            ZoneFieldRules.CheckAttributes(attributes.Value);
            zone.Attributes = JsonSerializer.Serialize(attributes.Value);
            zone.TransferredAt = null;
            transferAgain |= secondary;
        }

        if (secondary)
        {
            changes.RecordSecondaryUpdate(zone);
        }
        else
        {
            await changes.RecordUpdateAsync(zone, ct);
        }

        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Notify();
        if (transferAgain)
        {
            await bus.CastAsync(new TransferZone(zone.Id), ct);
        }

        return ViewMapper.ToView(zone, await zones.IsSharedAsync(zone.Id, ct));
    }

    public async Task<ZoneView> HandleAsync(DeleteZone call, CancellationToken ct)
    {
        await using var tx = await transactions.BeginAsync(ct);
        var zone = await zones.FindForWriteAsync(call.Context, call.ZoneId, ct);
        policy.Enforce("delete_zone", call.Context, zone.ProjectId);
        ZoneFieldRules.RejectDeleting(zone);
        await RejectSubZonesAsync(zone, ct);
        await RemoveSharesAsync(call.Context, zone, ct);
        changes.RecordDelete(zone, call.Context.HardDelete);
        await catalogs.TouchAsync(zone.PoolId, changes.Now, ct);
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
        policy.Enforce("abandon_zone", call.Context, zone.ProjectId);
        await RejectSubZonesAsync(zone, ct);
        await RemoveSharesAsync(call.Context, zone, ct);
        zone.DeletedAt = changes.Now;
        zone.Status = Status.Deleted;
        zone.Action = ChangeAction.None;
        zone.Version++;
        zone.UpdatedAt = zone.DeletedAt;
        // The member leaves its pool's catalog (targets fed by the catalog then drop it at their next refresh).
        await catalogs.TouchAsync(zone.PoolId, changes.Now, ct);
        await db.Outbox.Where(o => o.ZoneId == zone.Id && o.ProcessedAt == null)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.ProcessedAt, zone.DeletedAt), ct);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return ViewMapper.ToView(zone);
    }

    private async Task RejectSubZonesAsync(ZoneRow zone, CancellationToken ct)
    {
        if (await zones.LiveBelow(zone.Name).AnyAsync(ct))
        {
            throw new ServiceError(400, "zone_has_sub_zone", "Please delete any subzones before deleting this zone");
        }
    }

    /// <summary>A shared zone goes only when the caller asked for its shares to go too (X-Designate-Delete-Shares).</summary>
    private async Task RemoveSharesAsync(RequestContext ctx, ZoneRow zone, CancellationToken ct)
    {
        if (!await zones.IsSharedAsync(zone.Id, ct))
        {
            return;
        }

        if (!ctx.DeleteShares)
        {
            throw new ServiceError(400, "zone_is_shared", "This zone is shared with other projects. Unshare it first, or delete it with the X-Designate-Delete-Shares header.");
        }

        await db.SharedZones.Where(s => s.ZoneId == zone.Id).ExecuteDeleteAsync(ct);
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

        if (await zones.LiveBelow(own).AnyAsync(z => z.ProjectId != project, ct))
        {
            throw new ServiceError(403, "illegal_parent", "Unable to create zone because another tenant owns a subzone of the zone");
        }
    }

    /// <summary>Saves, answering a duplicate name as Designate does.</summary>
    public async Task SaveAsync(CancellationToken ct)
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

/// <summary>A zone that passed <see cref="ZoneWriter.CheckCreateAsync"/>, ready to be added.</summary>
public sealed record NewZone(CreateZone Call, string Project, Dns.DnsName Name, string Email, int Ttl, bool Secondary);

/// <summary>The SOA values an imported zone keeps from its file.</summary>
public sealed record SoaTimers(long Serial, int Retry, int Expire);
