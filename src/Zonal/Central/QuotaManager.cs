using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Domain.PolicyLanguage;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>Shows, sets and resets project quotas, and reports the caller's limits.</summary>
public sealed class QuotaManager(ZonalDbContext db, WriteTransactions transactions, QuotaEnforcer quotas, TimeProvider clock, IOptions<ZonalOptions> options, Policy policy)
    : ICallHandler<GetQuotas, IReadOnlyDictionary<string, int>>,
      ICallHandler<SetQuotas, IReadOnlyDictionary<string, int>>,
      ICallHandler<ResetQuotas, IReadOnlyDictionary<string, int>>,
      ICallHandler<GetLimits, IReadOnlyDictionary<string, int>>
{
    public async Task<IReadOnlyDictionary<string, int>> HandleAsync(GetQuotas call, CancellationToken ct)
    {
        var ctx = call.Context;
        policy.CheckContext(ctx);
        var project = call.ProjectId ?? Policy.RequireProject(ctx);

        // Another project's quotas need all-projects (itself admin only by default).
        if (!ctx.AllProjects && project != ctx.ProjectId)
        {
            throw ServiceError.Forbidden();
        }

        var target = PolicyTarget.Owner(project);
        target["all_tenants"] = PolicyTarget.Bool(ctx.AllProjects);
        policy.Enforce("get_quotas", ctx, target);

        return await quotas.ForProjectAsync(project, ct);
    }

    public async Task<IReadOnlyDictionary<string, int>> HandleAsync(SetQuotas call, CancellationToken ct)
    {
        RequireQuotaAdmin("set_quota", call.Context, call.ProjectId);
        await using var tx = await transactions.BeginAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Quotas.Where(q => q.ProjectId == call.ProjectId).ToDictionaryAsync(q => q.Resource, ct);
        foreach (var (resource, limit) in call.Values)
        {
            if (existing.TryGetValue(resource, out var row))
            {
                row.HardLimit = limit;
                row.UpdatedAt = now;
            }
            else
            {
                db.Quotas.Add(new QuotaRow { ProjectId = call.ProjectId, Resource = resource, HardLimit = limit, CreatedAt = now });
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw ServiceError.Duplicate("duplicate_quota", "Duplicate Quota");
        }

        await tx.CommitAsync(ct);
        return await quotas.ForProjectAsync(call.ProjectId, ct);
    }

    public async Task<IReadOnlyDictionary<string, int>> HandleAsync(ResetQuotas call, CancellationToken ct)
    {
        RequireQuotaAdmin("reset_quotas", call.Context, call.ProjectId);
        await using var tx = await transactions.BeginAsync(ct);
        await db.Quotas.Where(q => q.ProjectId == call.ProjectId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return QuotaKeys.Defaults(options.Value.Quotas);
    }

    /// <summary>Limits need no policy beyond being authenticated: the caller's quotas and fixed bounds.</summary>
    public async Task<IReadOnlyDictionary<string, int>> HandleAsync(GetLimits call, CancellationToken ct)
    {
        var project = call.Context.ProjectId;
        var mine = project is null ? QuotaKeys.Defaults(options.Value.Quotas) : await quotas.ForProjectAsync(project, ct);
        var central = options.Value.Central;
        return new Dictionary<string, int>
        {
            ["max_zones"] = mine[QuotaKeys.Zones],
            ["max_zone_recordsets"] = mine[QuotaKeys.ZoneRecordsets],
            ["max_zone_records"] = mine[QuotaKeys.ZoneRecords],
            ["max_recordset_records"] = mine[QuotaKeys.RecordsetRecords],
            ["min_ttl"] = central.MinTtl,
            ["max_zone_name_length"] = central.MaxZoneNameLength,
            ["max_recordset_name_length"] = central.MaxRecordSetNameLength,
            ["max_page_limit"] = options.Value.Api.MaxLimit,
        };
    }

    private void RequireQuotaAdmin(string rule, RequestContext ctx, string project)
    {
        policy.CheckContext(ctx);
        if (ctx.ProjectId is null && !ctx.AllProjects)
        {
            Policy.RequireProject(ctx);
        }

        policy.Enforce(rule, ctx, project);
    }
}
