using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Zone transfer accepts: redeeming an ACTIVE request with its key moves the zone and its record sets
/// to the accepting project, in one transaction. Ownership is not DNS data: no serial bump.
/// </summary>
public sealed class TransferAcceptManager(ZonalDbContext db, WriteTransactions transactions, ZoneLock zoneLock, QuotaEnforcer quotas, TimeProvider clock, Policy policy)
    : ICallHandler<AcceptTransfer, TransferAcceptView>, ICallHandler<ListTransferAccepts, Page<TransferAcceptView>>,
      ICallHandler<GetTransferAccept, TransferAcceptView>
{
    private static readonly Dictionary<string, LambdaExpression> SortKeys = new()
    {
        ["created_at"] = (Expression<Func<TransferAcceptRow, DateTime>>)(a => a.CreatedAt),
        ["id"] = (Expression<Func<TransferAcceptRow, Guid>>)(a => a.Id),
        ["updated_at"] = (Expression<Func<TransferAcceptRow, DateTime>>)(a => a.UpdatedAt ?? DateTime.MinValue),
    };

    public async Task<TransferAcceptView> HandleAsync(AcceptTransfer call, CancellationToken ct)
    {
        var ctx = call.Context;
        policy.CheckContext(ctx);
        var project = Policy.RequireProject(ctx);
        await using var tx = await transactions.BeginAsync(ct);
        var request = await db.TransferRequests.FirstOrDefaultAsync(r => r.Id == call.TransferRequestId, ct) ?? throw TransferRequestManager.NotFound();
        policy.Enforce("create_zone_transfer_accept", ctx, TransferRequestManager.Target(request));

        if (request.Status != TransferRequestManager.Active)
        {
            throw new ServiceError(400, "invalid_zone_transfer_request", "Zone Transfer Request is not ACTIVE");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(call.Key), Encoding.UTF8.GetBytes(request.Key)))
        {
            throw new ServiceError(403, "invalid_key", "Key does not match");
        }

        var zone = await zoneLock.LockAsync(request.ZoneId, ct);
        if (zone is null || zone.DeletedAt is not null)
        {
            throw ZoneScope.ZoneNotFound();
        }

        ZoneFieldRules.RejectDeleting(zone);
        await quotas.CheckZoneCreateAsync(project, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        zone.ProjectId = project;
        zone.Version++;
        zone.UpdatedAt = now;
        await db.RecordSets.Where(s => s.ZoneId == zone.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ProjectId, project), ct);

        // The new owner needs no share of its own zone.
        await db.SharedZones.Where(s => s.ZoneId == zone.Id && s.TargetProjectId == project).ExecuteDeleteAsync(ct);
        request.Status = TransferRequestManager.Complete;
        request.UpdatedAt = now;
        var accept = new TransferAcceptRow
        {
            Id = Guid.NewGuid(),
            ZoneTransferRequestId = request.Id,
            ZoneId = zone.Id,
            ProjectId = project,
            Key = request.Key,
            Status = TransferRequestManager.Complete,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.TransferAccepts.Add(accept);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(accept);
    }

    public async Task<Page<TransferAcceptView>> HandleAsync(ListTransferAccepts call, CancellationToken ct)
    {
        var ctx = call.Context;
        policy.EnforceOwn("find_zone_transfer_accepts", ctx);
        var query = Visible(ctx);
        foreach (var (key, value) in call.Query.Filters)
        {
            query = key == "status"
                ? query.Where(Listing.Matches<TransferAcceptRow>(a => a.Status, value))
                : throw ServiceError.BadRequest($"Invalid filters [{key}]");
        }

        var (rows, total) = await Listing.PageAsync(query, call.Query, SortKeys[call.Query.SortKey], a => a.Id, ct);
        return new Page<TransferAcceptView>(rows.Select(ToView).ToList(), total);
    }

    public async Task<TransferAcceptView> HandleAsync(GetTransferAccept call, CancellationToken ct)
    {
        var ctx = call.Context;

        var accept = await Visible(ctx).FirstOrDefaultAsync(a => a.Id == call.TransferAcceptId, ct)
            ?? throw ServiceError.NotFound("zone_transfer_accept_not_found", "Could not find ZoneTransferAccept");
        policy.Enforce("get_zone_transfer_accept", ctx, accept.ProjectId);
        return ToView(accept);
    }

    /// <summary>The caller's project's accepts, as Designate's storage scopes them, or every project's with all-projects.</summary>
    private IQueryable<TransferAcceptRow> Visible(RequestContext ctx)
    {
        var accepts = db.TransferAccepts.AsNoTracking();
        return ctx.AllProjects ? accepts : accepts.Where(a => a.ProjectId == ctx.ProjectId);
    }

    private static TransferAcceptView ToView(TransferAcceptRow a) =>
        new(a.Id, a.ZoneTransferRequestId, a.ZoneId, a.ProjectId, a.Key, a.Status, a.CreatedAt, a.UpdatedAt);
}
