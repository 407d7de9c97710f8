using Microsoft.EntityFrameworkCore;
using Zonal.Central.NetworkApi;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// The floating IPs of the caller's project, from the network API, with the PTRs stored for them.
/// A PTR that another project set on an address the caller now owns is deleted on the way (the
/// address moved), as Designate does when it lists.
/// </summary>
public sealed class FloatingIpPtrReader(ZonalDbContext db, INetworkApi network, Policy policy, FloatingIpPtrWriter writer)
    : ICallHandler<ListFloatingIps, IReadOnlyList<FloatingIpView>>, ICallHandler<GetFloatingIp, FloatingIpView>
{
    public async Task<IReadOnlyList<FloatingIpView>> HandleAsync(ListFloatingIps call, CancellationToken ct)
    {
        policy.EnforceOwn("find_records", call.Context);
        var project = Policy.RequireProject(call.Context);
        return await ViewsAsync(call.Context, project, await network.ListFloatingIpsAsync(call.Caller, project, null, ct), ct);
    }

    public async Task<FloatingIpView> HandleAsync(GetFloatingIp call, CancellationToken ct)
    {
        policy.EnforceOwn("find_records", call.Context);
        var project = Policy.RequireProject(call.Context);
        var fip = await FindAsync(network, call.Caller, project, call.Region, call.FloatingIpId, ct);
        return (await ViewsAsync(call.Context, project, [fip], ct))[0];
    }

    /// <summary>The floating IP if <paramref name="project"/> owns it, else 404 as Designate words it.</summary>
    public static async Task<FloatingIp> FindAsync(INetworkApi network, NetworkCaller caller, string project, string region, Guid id, CancellationToken ct) =>
        (await network.ListFloatingIpsAsync(caller, project, region, ct)).FirstOrDefault(f => f.Id == id && f.Region == region)
            ?? throw ServiceError.NotFound("not_found", $"FloatingIP {id} in {region} is not associated for project \"{project}\"");

    private async Task<IReadOnlyList<FloatingIpView>> ViewsAsync(RequestContext ctx, string project, IReadOnlyList<FloatingIp> fips, CancellationToken ct)
    {
        var addresses = fips.Select(f => f.Address).Distinct().ToList();
        var records = await FloatingIpRecords.Live(db).AsNoTracking().Where(r => addresses.Contains(r.ManagedExtra!)).ToListAsync(ct);
        foreach (var moved in records.Where(r => r.ManagedTenantId != project))
        {
            await writer.RemoveAsync(ctx, moved, ct);
        }

        var owned = records.Where(r => r.ManagedTenantId == project).GroupBy(r => r.ManagedExtra!).ToDictionary(g => g.Key, g => g.First());
        var setIds = owned.Values.Select(r => r.RecordSetId).ToList();
        var sets = await db.RecordSets.AsNoTracking().Where(s => setIds.Contains(s.Id))
            .Join(db.Zones, s => s.ZoneId, z => z.Id, (s, z) => new { s.Id, Ttl = s.Ttl ?? z.Ttl, s.Description })
            .ToDictionaryAsync(s => s.Id, ct);
        return fips.Select(fip => owned.TryGetValue(fip.Address, out var record) && sets.TryGetValue(record.RecordSetId, out var set)
            ? new FloatingIpView(fip.Region, fip.Id, fip.Address, record.Data, set.Description, set.Ttl, record.Status, record.Action)
            : Inactive(fip)).ToList();
    }

    public static FloatingIpView Inactive(FloatingIp fip) => new(fip.Region, fip.Id, fip.Address, null, null, null, "INACTIVE", ChangeAction.None);
}
