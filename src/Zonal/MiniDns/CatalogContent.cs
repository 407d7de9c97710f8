using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.MiniDns;

/// <summary>
/// The generated content of a CATALOG zone (RFC 9432, contract §9): the SOA, <c>NS invalid.</c> at the apex,
/// <c>version TXT "2"</c>, and one <c>&lt;zone-uuid&gt;.zones PTR &lt;member&gt;</c> per zone of the pool that is
/// not being deleted. Nothing of it is stored but the catalog's row (name, serial, timers).
/// </summary>
internal sealed class CatalogContent(ZonalDbContext db, ServedZone catalog)
{
    private string Origin => catalog.Row.Name;

    private int Ttl => catalog.Row.Ttl;

    public StoredRecord Soa() => new(Origin, Ttl, "SOA",
        $"invalid. hostmaster.invalid. {catalog.Row.Serial} {catalog.Row.Refresh} {catalog.Row.Retry} {catalog.Row.Expire} {catalog.Row.Minimum}");

    /// <summary>Everything but the SOA: the apex NS, the version, then the members, streamed.</summary>
    public async IAsyncEnumerable<StoredRecord> AllButSoaAsync([EnumeratorCancellation] CancellationToken ct)
    {
        yield return new StoredRecord(Origin, Ttl, "NS", "invalid.");
        yield return Version();
        var members = Members().OrderBy(z => z.Id).Select(z => new { z.Id, z.Name }).AsAsyncEnumerable();
        await foreach (var member in members.WithCancellation(ct))
        {
            yield return Member(member.Id, member.Name);
        }
    }

    /// <summary>One RRset of the catalog, looked up by owner (lower case) and type.</summary>
    public async Task<List<StoredRecord>> RRsetAsync(string owner, string type, CancellationToken ct)
    {
        string origin = Origin.ToLowerInvariant();
        if (owner == origin)
        {
            return type switch { "SOA" => [Soa()], "NS" => [new StoredRecord(Origin, Ttl, "NS", "invalid.")], _ => [] };
        }

        if (owner == "version." + origin)
        {
            return type == "TXT" ? [Version()] : [];
        }

        string suffix = ".zones." + origin;
        if (type != "PTR" || !owner.EndsWith(suffix, StringComparison.Ordinal) || !Guid.TryParse(owner.AsSpan(0, owner.Length - suffix.Length), out var id))
        {
            return [];
        }

        var member = await Members().Where(z => z.Id == id).Select(z => new { z.Id, z.Name }).FirstOrDefaultAsync(ct);
        return member is null ? [] : [Member(member.Id, member.Name)];
    }

    private StoredRecord Version() => new("version." + Origin, Ttl, "TXT", "\"2\"");

    private StoredRecord Member(Guid id, string name) => new($"{id}.zones.{Origin}", Ttl, "PTR", name);

    private IQueryable<ZoneRow> Members() =>
        db.Zones.AsNoTracking()
            .Where(z => z.PoolId == catalog.Row.PoolId && z.Type != ZoneType.Catalog && z.DeletedAt == null && z.Action != ChangeAction.Delete);
}
