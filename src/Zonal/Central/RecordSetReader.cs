using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Domain.PolicyLanguage;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

public sealed class RecordSetReader(ZonalDbContext db, ZoneScope zones, Policy policy)
    : ICallHandler<ListRecordSets, Page<RecordSetView>>, ICallHandler<GetRecordSet, RecordSetView>
{
    private static readonly Dictionary<string, LambdaExpression> SortKeys = new()
    {
        ["created_at"] = (Expression<Func<RecordSetRow, DateTime>>)(s => s.CreatedAt),
        ["id"] = (Expression<Func<RecordSetRow, Guid>>)(s => s.Id),
        ["updated_at"] = (Expression<Func<RecordSetRow, DateTime>>)(s => s.UpdatedAt ?? DateTime.MinValue),
        ["zone_id"] = (Expression<Func<RecordSetRow, Guid>>)(s => s.ZoneId),
        ["tenant_id"] = (Expression<Func<RecordSetRow, string>>)(s => s.ProjectId),
        ["name"] = (Expression<Func<RecordSetRow, string>>)(s => s.Name),
        ["type"] = (Expression<Func<RecordSetRow, string>>)(s => s.Type),
        ["ttl"] = (Expression<Func<RecordSetRow, int>>)(s => s.Ttl ?? -1),
    };

    public async Task<Page<RecordSetView>> HandleAsync(ListRecordSets call, CancellationToken ct)
    {
        var ctx = call.Context;
        IQueryable<RecordSetRow> query;
        if (call.ZoneId is Guid zoneId)
        {
            var zone = await zones.FindAsync(ctx, zoneId, ct);
            policy.Enforce("get_recordsets", ctx, PolicyTarget.Zone(zone.ProjectId, zone.Type, ZoneScope.ReachedBySharing(ctx, zone)));
            query = db.RecordSets.Where(s => s.ZoneId == zoneId);
        }
        else
        {
            policy.EnforceOwn("find_recordsets", ctx);
            var live = zones.Live;
            query = db.RecordSets.Where(s => live.Any(z => z.Id == s.ZoneId));
            if (!ctx.AllProjects)
            {
                query = query.Where(s => s.ProjectId == ctx.ProjectId);
            }
        }

        query = Filter(query, call.Query.Filters);
        var sortKey = call.Query.SortKey switch
        {
            // Designate sorts by a joined records column without a stable meaning; creation order is.
            "records" => "created_at",
            "tenant_id" when !ctx.AllProjects => "created_at",
            var key => key,
        };
        var (rows, total) = await Listing.PageAsync(query.AsNoTracking().Include(s => s.Records).AsSplitQuery(), call.Query, SortKeys[sortKey], s => s.Id, ct);
        var zoneIds = rows.Select(s => s.ZoneId).Distinct().ToList();
        var names = await db.Zones.Where(z => zoneIds.Contains(z.Id)).ToDictionaryAsync(z => z.Id, z => z.Name, ct);
        return new Page<RecordSetView>(rows.Select(s => ViewMapper.ToView(s, names[s.ZoneId])).ToList(), total);
    }

    public async Task<RecordSetView> HandleAsync(GetRecordSet call, CancellationToken ct)
    {
        var set = await db.RecordSets.AsNoTracking().Include(s => s.Records)
            .FirstOrDefaultAsync(s => s.Id == call.RecordSetId && (call.ZoneId == null || s.ZoneId == call.ZoneId), ct);
        if (call.ZoneId is Guid zoneId)
        {
            await zones.FindAsync(call.Context, zoneId, ct);
        }

        var zone = set is null ? null : await zones.Visible(call.Context).AsNoTracking().FirstOrDefaultAsync(z => z.Id == set.ZoneId, ct);
        if (set is null || zone is null)
        {
            throw NotFound();
        }

        policy.Enforce("get_recordset", call.Context, PolicyTarget.Zone(zone.ProjectId, zone.Type, ZoneScope.ReachedBySharing(call.Context, zone)));
        return ViewMapper.ToView(set, zone.Name);
    }

    public static ServiceError NotFound() => ServiceError.NotFound("recordset_not_found", "Could not find RecordSet");

    /// <summary>data and status match individual records: a set matches when any of its records does.</summary>
    private static IQueryable<RecordSetRow> Filter(IQueryable<RecordSetRow> query, IReadOnlyDictionary<string, string> filters)
    {
        foreach (var (key, value) in filters)
        {
            query = key switch
            {
                "name" => query.Where(Listing.Matches<RecordSetRow>(s => s.Name, value)),
                "type" => query.Where(Listing.Matches<RecordSetRow>(s => s.Type, value)),
                "description" => query.Where(Listing.Matches<RecordSetRow>(s => s.Description, value)),
                "ttl" => int.TryParse(value, out var ttl) ? query.Where(s => s.Ttl == ttl) : query.Where(s => false),
                "data" => WithRecord(query, Listing.Matches<RecordRow>(r => r.Data, value)),
                "status" => WithRecord(query, Listing.Matches<RecordRow>(r => r.Status, value)),
                _ => throw ServiceError.BadRequest($"Invalid filters [{key}]"),
            };
        }

        return query;
    }

    private static IQueryable<RecordSetRow> WithRecord(IQueryable<RecordSetRow> query, Expression<Func<RecordRow, bool>> match) =>
        query.Where(s => s.Records.AsQueryable().Any(match));
}
