using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

public sealed class ZoneReader(ZoneScope zones, ManagedRecords managed)
    : ICallHandler<ListZones, Page<ZoneView>>, ICallHandler<GetZone, ZoneView>, ICallHandler<GetZoneNameServers, IReadOnlyList<NameServerView>>
{
    private static readonly Dictionary<string, LambdaExpression> SortKeys = new()
    {
        ["created_at"] = (Expression<Func<ZoneRow, DateTime>>)(z => z.CreatedAt),
        ["id"] = (Expression<Func<ZoneRow, Guid>>)(z => z.Id),
        ["updated_at"] = (Expression<Func<ZoneRow, DateTime>>)(z => z.UpdatedAt ?? DateTime.MinValue),
        ["name"] = (Expression<Func<ZoneRow, string>>)(z => z.Name),
        ["tenant_id"] = (Expression<Func<ZoneRow, string>>)(z => z.ProjectId),
        ["serial"] = (Expression<Func<ZoneRow, long>>)(z => z.Serial),
        ["ttl"] = (Expression<Func<ZoneRow, int>>)(z => z.Ttl),
        ["status"] = (Expression<Func<ZoneRow, string>>)(z => z.Status),
    };

    public async Task<Page<ZoneView>> HandleAsync(ListZones call, CancellationToken ct)
    {
        Policy.RequireReader(call.Context);
        var filters = call.Query.Filters;
        var parts = zones.VisibleParts(call.Context).Select(part => part.Filtered(rows => Filter(rows.AsNoTracking(), filters), filters.Count > 0)).ToList();
        var sortKey = call.Query.SortKey == "tenant_id" && !call.Context.AllProjects ? "created_at" : call.Query.SortKey;
        var (rows, total) = await Listing.PageAsync(parts, call.Query, SortKeys[sortKey], z => z.Id, ct);
        var shared = await zones.SharedAmongAsync(rows.Select(z => z.Id).ToList(), ct);
        return new Page<ZoneView>(rows.Select(z => ViewMapper.ToView(z, shared.Contains(z.Id))).ToList(), total);
    }

    private static IQueryable<ZoneRow> Filter(IQueryable<ZoneRow> query, IReadOnlyDictionary<string, string> filters)
    {
        foreach (var (key, value) in filters)
        {
            query = key switch
            {
                "name" => query.Where(Listing.Matches<ZoneRow>(z => z.Name, value)),
                "type" => query.Where(Listing.Matches<ZoneRow>(z => z.Type, value)),
                "email" => query.Where(Listing.Matches<ZoneRow>(z => z.Email, value)),
                "status" => query.Where(Listing.Matches<ZoneRow>(z => z.Status, value)),
                "description" => query.Where(Listing.Matches<ZoneRow>(z => z.Description, value)),
                "ttl" => int.TryParse(value, out var ttl) ? query.Where(z => z.Ttl == ttl) : query.Where(z => false),
                _ => throw ServiceError.BadRequest($"Invalid filters [{key}]"),
            };
        }

        return query;
    }

    public async Task<ZoneView> HandleAsync(GetZone call, CancellationToken ct)
    {
        var zone = await zones.FindAsync(call.Context, call.ZoneId, ct);
        Policy.RequireReaderOrShared(call.Context, zone.ProjectId, ZoneScope.ReachedBySharing(call.Context, zone));
        return ViewMapper.ToView(zone, await zones.IsSharedAsync(zone.Id, ct));
    }

    public async Task<IReadOnlyList<NameServerView>> HandleAsync(GetZoneNameServers call, CancellationToken ct)
    {
        var zone = await zones.FindAsync(call.Context, call.ZoneId, ct);
        Policy.RequireReader(call.Context, zone.ProjectId);
        return await managed.NameServersAsync(zone.PoolId, ct);
    }
}
