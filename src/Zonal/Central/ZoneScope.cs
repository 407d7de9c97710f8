using Microsoft.EntityFrameworkCore;
using Zonal.Dns;
using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>Which zones a caller can see: live zones of its project, or of every project with all-projects.</summary>
public sealed class ZoneScope(ZonalDbContext db, ZoneLock zoneLock)
{
    public IQueryable<ZoneRow> Live => db.Zones.Where(z => z.DeletedAt == null);

    public IQueryable<ZoneRow> Visible(RequestContext ctx) =>
        ctx.AllProjects ? Live : Live.Where(z => z.ProjectId == ctx.ProjectId);

    public async Task<ZoneRow> FindAsync(RequestContext ctx, Guid zoneId, CancellationToken ct) =>
        await Visible(ctx).AsNoTracking().FirstOrDefaultAsync(z => z.Id == zoneId, ct) ?? throw ZoneNotFound();

    /// <summary>Finds the zone and holds its write lock until the transaction ends; the row is tracked.</summary>
    public async Task<ZoneRow> FindForWriteAsync(RequestContext ctx, Guid zoneId, CancellationToken ct)
    {
        var zone = await zoneLock.LockAsync(zoneId, ct);
        return zone is not null && zone.DeletedAt is null && (ctx.AllProjects || zone.ProjectId == ctx.ProjectId)
            ? zone
            : throw ZoneNotFound();
    }

    /// <summary>Lower-cased presentation forms of the name and every ancestor with at least two labels.</summary>
    public static List<string> SelfAndAncestors(DnsName name)
    {
        var names = new List<string>();
        for (var n = name; n.LabelCount >= 1; n = n.Parent())
        {
            names.Add(n.ToString().ToLowerInvariant());
        }

        return names;
    }

    public static ServiceError ZoneNotFound() => ServiceError.NotFound("zone_not_found", "Could not find Zone");
}
