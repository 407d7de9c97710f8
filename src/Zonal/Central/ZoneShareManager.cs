using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Domain.PolicyLanguage;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// /v2/zones/{zone_id}/shares: the zone owner shares its zone with other projects, which may then see
/// it and add record sets to it. Sharing changes no DNS data, so it bumps no serial.
/// </summary>
public sealed class ZoneShareManager(ZonalDbContext db, WriteTransactions transactions, ZoneScope zones, TimeProvider clock, Policy policy)
    : ICallHandler<ShareZone, SharedZoneView>, ICallHandler<ListZoneShares, Page<SharedZoneView>>,
      ICallHandler<GetZoneShare, SharedZoneView>, ICallHandler<UnshareZone, SharedZoneView>
{
    public const int MaxProjectIdLength = 36;

    private static readonly Dictionary<string, LambdaExpression> SortKeys = new()
    {
        ["created_at"] = (Expression<Func<SharedZoneRow, DateTime>>)(s => s.CreatedAt),
        ["updated_at"] = (Expression<Func<SharedZoneRow, DateTime>>)(s => s.UpdatedAt ?? DateTime.MinValue),
    };

    public async Task<SharedZoneView> HandleAsync(ShareZone call, CancellationToken ct)
    {
        var ctx = call.Context;
        policy.CheckContext(ctx);
        Policy.RequireProject(ctx);
        AdminRules.CheckLength("target_project_id", call.TargetProjectId, MaxProjectIdLength);
        await using var tx = await transactions.BeginAsync(ct);
        var zone = await zones.FindForWriteAsync(ctx, call.ZoneId, ct);
        policy.Enforce("share_zone", ctx, zone.ProjectId);
        ZoneFieldRules.RejectDeleting(zone);
        if (call.TargetProjectId == zone.ProjectId)
        {
            throw ServiceError.BadRequest("Cannot share the zone with the zone owner.");
        }

        if (!call.TargetMayExist)
        {
            throw new ServiceError(400, "invalid_project", $"{call.TargetProjectId} is not a valid project ID.");
        }

        var share = new SharedZoneRow
        {
            Id = Guid.NewGuid(),
            ZoneId = zone.Id,
            ProjectId = zone.ProjectId,
            TargetProjectId = call.TargetProjectId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.SharedZones.Add(share);
        await AdminRules.SaveAsync(db, "duplicate_shared_zone", "Duplicate Shared Zone", ct);
        await tx.CommitAsync(ct);
        return ToView(share);
    }

    /// <summary>The owner (and admins) see every share of the zone; a project it is shared with sees its own.</summary>
    public async Task<Page<SharedZoneView>> HandleAsync(ListZoneShares call, CancellationToken ct)
    {
        var ctx = call.Context;
        var zone = await zones.FindAsync(ctx, call.ZoneId, ct);
        bool bySharing = ZoneScope.ReachedBySharing(ctx, zone);
        policy.Enforce("find_zone_shares", ctx, zone.ProjectId);

        // The second check, as Designate makes it: admin, or a member of the project whose shares are asked
        // for — the target_project_id filter's, else the caller's own (members of the owner then see every
        // share, members of a target project their own).
        if (!ctx.AllProjects)
        {
            policy.Enforce("find_project_zone_share", ctx, call.Query.Filters.GetValueOrDefault("target_project_id") ?? ctx.ProjectId);
        }

        var query = db.SharedZones.AsNoTracking().Where(s => s.ZoneId == zone.Id);
        if (bySharing)
        {
            query = query.Where(s => s.TargetProjectId == ctx.ProjectId);
        }

        foreach (var (key, value) in call.Query.Filters)
        {
            query = key == "target_project_id"
                ? query.Where(Listing.Matches<SharedZoneRow>(s => s.TargetProjectId, value))
                : throw ServiceError.BadRequest($"Invalid filters [{key}]");
        }

        var (rows, total) = await Listing.PageAsync(query, call.Query, SortKeys[call.Query.SortKey], s => s.Id, ct);
        return new Page<SharedZoneView>(rows.Select(ToView).ToList(), total);
    }

    public async Task<SharedZoneView> HandleAsync(GetZoneShare call, CancellationToken ct)
    {
        var zone = await zones.FindAsync(call.Context, call.ZoneId, ct);
        var share = await db.SharedZones.AsNoTracking().FirstOrDefaultAsync(s => s.Id == call.ShareId && s.ZoneId == zone.Id, ct) ?? throw NotFound();
        RequireShareReader(call.Context, zone, share);
        return ToView(share);
    }

    public async Task<SharedZoneView> HandleAsync(UnshareZone call, CancellationToken ct)
    {
        var ctx = call.Context;
        await using var tx = await transactions.BeginAsync(ct);
        var zone = await zones.FindForWriteAsync(ctx, call.ZoneId, ct);
        var share = await db.SharedZones.FirstOrDefaultAsync(s => s.Id == call.ShareId && s.ZoneId == zone.Id, ct) ?? throw NotFound();
        policy.Enforce("unshare_zone", ctx, zone.ProjectId);
        await RejectTargetContentAsync(zone, share.TargetProjectId, ct);
        db.SharedZones.Remove(share);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(share);
    }

    /// <summary>Unsharing must not strand what the target project put in the zone.</summary>
    private async Task RejectTargetContentAsync(ZoneRow zone, string target, CancellationToken ct)
    {
        if (await db.RecordSets.AnyAsync(s => s.ZoneId == zone.Id && s.ProjectId == target, ct))
        {
            throw new ServiceError(400, "shared_zone_has_recordsets", "Cannot unshare a zone while the target project still owns recordsets in it.");
        }

        if (await zones.LiveBelow(zone.Name).AnyAsync(z => z.ProjectId == target, ct))
        {
            throw new ServiceError(400, "shared_zone_has_sub_zone", "Cannot unshare a zone while the target project still owns sub-zones of it.");
        }
    }

    /// <summary>Admins, members of the zone owner, and members of the project the share is for.</summary>
    private void RequireShareReader(RequestContext ctx, ZoneRow zone, SharedZoneRow share)
    {
        if (!policy.Allows("get_shared_zone", ctx, PolicyTarget.Owner(share.TargetProjectId)))
        {
            policy.Enforce("get_shared_zone", ctx, zone.ProjectId);
        }
    }

    private static ServiceError NotFound() => ServiceError.NotFound("shared_zone_not_found", "Could not find SharedZone");

    private static SharedZoneView ToView(SharedZoneRow s) => new(s.Id, s.ZoneId, s.ProjectId, s.TargetProjectId, s.CreatedAt, s.UpdatedAt);
}
