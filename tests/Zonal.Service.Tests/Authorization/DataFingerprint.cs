using Microsoft.EntityFrameworkCore;
using Zonal.Storage;

namespace Zonal.Service.Tests.Authorization;

/// <summary>
/// What tenants and admins wrote, read straight from storage: every zone, record set, record, share,
/// transfer, task, quota and admin resource, leaving out what the worker and producer change in the
/// background (statuses, serials, the managed SOA and NS). Two snapshots differ only if a request wrote.
/// </summary>
public sealed record DataFingerprint(IReadOnlySet<string> Lines, IReadOnlySet<string> Ids)
{
    /// <summary>The lines of one project's data.</summary>
    public IEnumerable<string> Of(string project) => Lines.Where(l => l.StartsWith(project + " ", StringComparison.Ordinal));

    public static async Task<DataFingerprint> TakeAsync(ZonalDbContext db)
    {
        var lines = new List<string>();
        var ids = new List<string>();
        foreach (var z in await db.Zones.AsNoTracking().ToListAsync())
        {
            lines.Add($"{z.ProjectId} zone {z.Id} {z.Name} {z.Email} {z.Ttl} {z.Description} {z.Type} {z.PoolId} {z.Masters} {z.Attributes}");
            ids.AddRange([$"{z.ProjectId} {z.Id}", $"{z.ProjectId} {z.Name}"]);
        }

        var sets = await db.RecordSets.AsNoTracking().Where(s => !s.Managed).ToListAsync();
        var setProject = sets.ToDictionary(s => s.Id, s => s.ProjectId);
        foreach (var s in sets)
        {
            lines.Add($"{s.ProjectId} recordset {s.Id} {s.ZoneId} {s.Name} {s.Type} {s.Ttl} {s.Description}");
            ids.Add($"{s.ProjectId} {s.Id}");
        }

        foreach (var r in await db.Records.AsNoTracking().Where(r => !r.Managed).ToListAsync())
        {
            lines.Add($"{setProject.GetValueOrDefault(r.RecordSetId)} record {r.Id} {r.RecordSetId} {r.Data}");
        }

        foreach (var s in await db.SharedZones.AsNoTracking().ToListAsync())
        {
            lines.Add($"{s.ProjectId} share {s.Id} {s.ZoneId} {s.TargetProjectId}");
            ids.Add($"{s.ProjectId} {s.Id}");
        }

        foreach (var t in await db.TransferRequests.AsNoTracking().ToListAsync())
        {
            lines.Add($"{t.ProjectId} transfer_request {t.Id} {t.ZoneId} {t.TargetProjectId} {t.Description} {t.Status} {t.Key}");
            ids.Add($"{t.ProjectId} {t.Id}");
        }

        foreach (var a in await db.TransferAccepts.AsNoTracking().ToListAsync())
        {
            lines.Add($"{a.ProjectId} transfer_accept {a.Id} {a.ZoneTransferRequestId} {a.Status}");
            ids.Add($"{a.ProjectId} {a.Id}");
        }

        foreach (var t in await db.ZoneTasks.AsNoTracking().ToListAsync())
        {
            lines.Add($"{t.ProjectId} task {t.Id} {t.Kind}");
            ids.Add($"{t.ProjectId} {t.Id}");
        }

        lines.AddRange((await db.Quotas.AsNoTracking().ToListAsync()).Select(q => $"{q.ProjectId} quota {q.Resource} {q.HardLimit}"));
        lines.AddRange((await db.Set<TldRow>().AsNoTracking().ToListAsync()).Select(t => $"- tld {t.Id} {t.Name} {t.Description}"));
        lines.AddRange((await db.Set<TsigKeyRow>().AsNoTracking().ToListAsync()).Select(k => $"- tsigkey {k.Id} {k.Name} {k.Algorithm} {k.Secret} {k.Scope} {k.ResourceId}"));
        lines.AddRange((await db.Set<BlacklistRow>().AsNoTracking().ToListAsync()).Select(b => $"- blacklist {b.Id} {b.Pattern} {b.Description}"));
        return new DataFingerprint(lines.ToHashSet(), ids.ToHashSet());
    }

    /// <summary>The ids and zone names owned by <paramref name="project"/>: none may show up in another project's answers.</summary>
    public IEnumerable<string> IdsOf(string project) =>
        Ids.Where(i => i.StartsWith(project + " ", StringComparison.Ordinal)).Select(i => i[(project.Length + 1)..]);
}
