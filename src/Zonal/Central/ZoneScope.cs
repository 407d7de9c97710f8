using Microsoft.EntityFrameworkCore;
using Zonal.Dns;
using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Which zones a caller can see: live zones of its project and those shared with it, or of every
/// project with all-projects.
/// </summary>
public sealed class ZoneScope(ZonalDbContext db, ZoneLock zoneLock)
{
    public IQueryable<ZoneRow> Live => db.Zones.Where(z => z.DeletedAt == null);

    public IQueryable<ZoneRow> Visible(RequestContext ctx)
    {
        if (ctx.AllProjects)
        {
            return Live;
        }

        var shared = db.SharedZones.Where(s => s.TargetProjectId == ctx.ProjectId).Select(s => s.ZoneId);
        return Live.Where(z => z.ProjectId == ctx.ProjectId || shared.Contains(z.Id));
    }

    /// <summary>
    /// <see cref="Visible"/> as disjoint parts: the project's own zones, then the other projects' zones
    /// shared with it. An OR of the two defeats the project index; each part alone is an index range,
    /// so a list pages each part and merges the pages. Own zones (or all, for all-projects) come with
    /// their maintained count.
    /// </summary>
    public IReadOnlyList<ListPart<ZoneRow>> VisibleParts(RequestContext ctx)
    {
        var counts = db.ZoneCounts.AsQueryable();
        if (ctx.AllProjects)
        {
            // Admins see the pools' catalog zones in lists (and get 403 on them); nobody else does.
            return ctx.IsAdmin
                ? [new ListPart<ZoneRow>(Live, counts.Select(c => c.Live))]
                : [new ListPart<ZoneRow>(Live.Where(z => z.Type != ZoneType.Catalog))];
        }

        var shared = db.SharedZones.Where(s => s.TargetProjectId == ctx.ProjectId).Select(s => s.ZoneId);
        return
        [
            new ListPart<ZoneRow>(Live.Where(z => z.ProjectId == ctx.ProjectId), counts.Where(c => c.ProjectId == ctx.ProjectId).Select(c => c.Live)),
            new ListPart<ZoneRow>(Live.Where(z => z.ProjectId != ctx.ProjectId && shared.Contains(z.Id))),
        ];
    }

    /// <summary>Live zones strictly below the name, at any depth: a range of the indexed reversed name.</summary>
    public IQueryable<ZoneRow> LiveBelow(string zoneName)
    {
        // Names ending in ".zone." are the reversed names starting with the reversed ".zone.": at
        // least that prefix, and less than the prefix with its last character raised by one.
        var from = ZoneRow.Reverse("." + zoneName);
        var to = from[..^1] + (char)(from[^1] + 1);
        return Live.Where(z => z.ReversedName.CompareTo(from) >= 0 && z.ReversedName.CompareTo(to) < 0);
    }

    /// <summary>
    /// True when the caller reached the zone only because it is shared with its project. Callers
    /// with all-projects are admins, whom policy lets through anyway.
    /// </summary>
    public static bool ReachedBySharing(RequestContext ctx, ZoneRow zone) => !ctx.AllProjects && zone.ProjectId != ctx.ProjectId;

    /// <summary>Which of these zones have at least one share (the zone's <c>shared</c> field).</summary>
    public async Task<HashSet<Guid>> SharedAmongAsync(IReadOnlyCollection<Guid> zoneIds, CancellationToken ct) =>
        (await db.SharedZones.Where(s => zoneIds.Contains(s.ZoneId)).Select(s => s.ZoneId).Distinct().ToListAsync(ct)).ToHashSet();

    public Task<bool> IsSharedAsync(Guid zoneId, CancellationToken ct) => db.SharedZones.AnyAsync(s => s.ZoneId == zoneId, ct);

    public async Task<ZoneRow> FindAsync(RequestContext ctx, Guid zoneId, CancellationToken ct) =>
        RejectCatalog(await Visible(ctx).AsNoTracking().FirstOrDefaultAsync(z => z.Id == zoneId, ct) ?? throw ZoneNotFound());

    /// <summary>Any API operation on a CATALOG zone is 403 (contract §2): its content is generated, never edited.</summary>
    public static ZoneRow RejectCatalog(ZoneRow zone) =>
        zone.Type == ZoneType.Catalog ? throw ServiceError.Forbidden("CATALOG zones can not be read or changed through the API") : zone;

    /// <summary>Finds the zone and holds its write lock until the transaction ends; the row is tracked.</summary>
    public async Task<ZoneRow> FindForWriteAsync(RequestContext ctx, Guid zoneId, CancellationToken ct) =>
        await CheckWritableAsync(ctx, await zoneLock.LockAsync(zoneId, ct), ct);

    /// <summary>The zone locked for a write by the caller (null: no such row), if it is a live zone the caller may reach.</summary>
    public async Task<ZoneRow> CheckWritableAsync(RequestContext ctx, ZoneRow? zone, CancellationToken ct)
    {
        if (zone is null || zone.DeletedAt is not null)
        {
            throw ZoneNotFound();
        }

        RejectCatalog(zone);
        return ctx.AllProjects || zone.ProjectId == ctx.ProjectId
            || await db.SharedZones.AnyAsync(s => s.ZoneId == zone.Id && s.TargetProjectId == ctx.ProjectId, ct)
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
