using System.Linq.Expressions;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Domain.PolicyLanguage;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Zone transfer requests: the owner offers its zone, optionally to one project, with a key the
/// accepting project must present. One ACTIVE request per zone.
/// </summary>
public sealed class TransferRequestManager(ZonalDbContext db, WriteTransactions transactions, ZoneScope zones, TimeProvider clock, Policy policy)
    : ICallHandler<CreateTransferRequest, TransferRequestView>, ICallHandler<ListTransferRequests, Page<TransferRequestView>>,
      ICallHandler<GetTransferRequest, TransferRequestView>, ICallHandler<UpdateTransferRequest, TransferRequestView>,
      ICallHandler<DeleteTransferRequest, TransferRequestView>
{
    public const string Active = "ACTIVE";
    public const string Complete = "COMPLETE";
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const int KeyLength = 8;

    private static readonly Dictionary<string, LambdaExpression> SortKeys = new()
    {
        ["created_at"] = (Expression<Func<TransferRequestRow, DateTime>>)(r => r.CreatedAt),
        ["id"] = (Expression<Func<TransferRequestRow, Guid>>)(r => r.Id),
        ["updated_at"] = (Expression<Func<TransferRequestRow, DateTime>>)(r => r.UpdatedAt ?? DateTime.MinValue),
    };

    public async Task<TransferRequestView> HandleAsync(CreateTransferRequest call, CancellationToken ct)
    {
        var ctx = call.Context;
        policy.CheckContext(ctx);
        Policy.RequireProject(ctx);
        CheckTarget(call.TargetProjectId);
        ZoneFieldRules.CheckDescription(call.Description);
        await using var tx = await transactions.BeginAsync(ct);
        var zone = await zones.FindForWriteAsync(ctx, call.ZoneId, ct);
        policy.Enforce("create_zone_transfer_request", ctx, zone.ProjectId);
        ZoneFieldRules.RejectDeleting(zone);
        if (await db.TransferRequests.AnyAsync(r => r.ZoneId == zone.Id && r.Status == Active, ct))
        {
            throw Duplicate();
        }

        var request = new TransferRequestRow
        {
            Id = Guid.NewGuid(),
            ZoneId = zone.Id,
            ProjectId = zone.ProjectId,
            TargetProjectId = call.TargetProjectId,
            Description = call.Description,
            Key = RandomNumberGenerator.GetString(KeyAlphabet, KeyLength),
            Status = Active,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.TransferRequests.Add(request);
        await AdminRules.SaveAsync(db, Duplicate().Type, Duplicate().Detail!, ct);
        await tx.CommitAsync(ct);
        return ToView(ctx, request, zone.Name);
    }

    public async Task<Page<TransferRequestView>> HandleAsync(ListTransferRequests call, CancellationToken ct)
    {
        var ctx = call.Context;
        policy.EnforceOwn("find_zone_transfer_requests", ctx);
        var query = db.TransferRequests.AsNoTracking();
        if (!ctx.AllProjects)
        {
            query = query.Where(r => r.ProjectId == ctx.ProjectId || r.TargetProjectId == ctx.ProjectId);
        }

        foreach (var (key, value) in call.Query.Filters)
        {
            query = key == "status"
                ? query.Where(Listing.Matches<TransferRequestRow>(r => r.Status, value))
                : throw ServiceError.BadRequest($"Invalid filters [{key}]");
        }

        var (rows, total) = await Listing.PageAsync(query, call.Query, SortKeys[call.Query.SortKey], r => r.Id, ct);
        var zoneIds = rows.Select(r => r.ZoneId).Distinct().ToList();
        var names = await db.Zones.Where(z => zoneIds.Contains(z.Id)).ToDictionaryAsync(z => z.Id, z => z.Name, ct);
        return new Page<TransferRequestView>(rows.Select(r => ToView(ctx, r, names[r.ZoneId])).ToList(), total);
    }

    public async Task<TransferRequestView> HandleAsync(GetTransferRequest call, CancellationToken ct)
    {
        var request = await FindAsync(call.TransferRequestId, tracked: false, ct);
        RequireViewer(call.Context, request);
        return ToView(call.Context, request, await ZoneNameAsync(request, ct));
    }

    public async Task<TransferRequestView> HandleAsync(UpdateTransferRequest call, CancellationToken ct)
    {
        var ctx = call.Context;
        await using var tx = await transactions.BeginAsync(ct);
        var request = await FindAsync(call.TransferRequestId, tracked: true, ct);
        policy.Enforce("update_zone_transfer_request", ctx, request.ProjectId);
        if (call.Description is { } description)
        {
            ZoneFieldRules.CheckDescription(description.Value);
            request.Description = description.Value;
        }

        if (call.TargetProjectId is { } target && target.Value != request.TargetProjectId)
        {
            // The target may be named once, never changed.
            if (request.TargetProjectId is not null)
            {
                throw ServiceError.InvalidObject("Provided object does not match schema. Keys ['target_project_id'] are not valid for ZoneTransferRequest");
            }

            CheckTarget(target.Value);
            request.TargetProjectId = target.Value;
        }

        request.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(ctx, request, await ZoneNameAsync(request, ct));
    }

    public async Task<TransferRequestView> HandleAsync(DeleteTransferRequest call, CancellationToken ct)
    {
        await using var tx = await transactions.BeginAsync(ct);
        var request = await FindAsync(call.TransferRequestId, tracked: true, ct);
        policy.Enforce("delete_zone_transfer_request", call.Context, request.ProjectId);
        var view = ToView(call.Context, request, await ZoneNameAsync(request, ct));
        db.TransferRequests.Remove(request);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return view;
    }

    /// <summary>The owner's members, the target project, and anyone when there is no target may see a request.</summary>
    private void RequireViewer(RequestContext ctx, TransferRequestRow request) =>
        policy.Enforce("get_zone_transfer_request", ctx, Target(request));

    /// <summary>A request as its rules see it: the owner and the project it is offered to (None for anyone).</summary>
    public static Dictionary<string, string?> Target(TransferRequestRow request)
    {
        var target = PolicyTarget.Owner(request.ProjectId);
        target["target_project_id"] = request.TargetProjectId;
        target["target_tenant_id"] = request.TargetProjectId;
        return target;
    }

    public static ServiceError NotFound() => ServiceError.NotFound("zone_transfer_request_not_found", "Could not find ZoneTransferRequest");

    private static ServiceError Duplicate() => ServiceError.Duplicate("duplicate_zone_transfer_request", "Duplicate ZoneTransferRequest");

    private static void CheckTarget(string? target)
    {
        if (target is not null)
        {
            AdminRules.CheckLength("target_project_id", target, ZoneShareManager.MaxProjectIdLength);
        }
    }

    private async Task<TransferRequestRow> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var set = tracked ? db.TransferRequests : db.TransferRequests.AsNoTracking();
        return await set.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw NotFound();
    }

    private async Task<string> ZoneNameAsync(TransferRequestRow request, CancellationToken ct) =>
        await db.Zones.Where(z => z.Id == request.ZoneId).Select(z => z.Name).FirstAsync(ct);

    /// <summary>Only admins and readers of the owning project see the owner, target, key and times.</summary>
    private TransferRequestView ToView(RequestContext ctx, TransferRequestRow r, string zoneName) => new(
        r.Id,
        r.ZoneId,
        zoneName,
        r.ProjectId,
        r.TargetProjectId,
        r.Description,
        r.Key,
        r.Status,
        r.CreatedAt,
        r.UpdatedAt,
        Detailed: policy.Allows("get_zone_transfer_request_detailed", ctx, PolicyTarget.Owner(r.ProjectId)));
}
