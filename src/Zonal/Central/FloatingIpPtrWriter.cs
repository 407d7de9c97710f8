using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zonal.Central.NetworkApi;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Sets and unsets floating IP PTRs. The record lives in the address's /24 reverse zone (made for the
/// managed-resource project when missing) and is written by the ordinary zone and record set writers,
/// so serial, outbox and PENDING→ACTIVE are those of any other change.
/// </summary>
public sealed class FloatingIpPtrWriter(
    ZonalDbContext db,
    INetworkApi network,
    Policy policy,
    ZoneWriter zones,
    RecordSetWriter recordSets,
    IOptions<ZonalOptions> options)
    : ICallHandler<SetFloatingIpPtr, FloatingIpView>, ICallHandler<UnsetFloatingIpPtr, RecordSetView>
{
    public async Task<FloatingIpView> HandleAsync(SetFloatingIpPtr call, CancellationToken ct)
    {
        var ctx = call.Context;
        policy.EnforceOwn("update_floatingip", ctx);
        var project = Policy.RequireProject(ctx);
        if (!NameRules.IsFqdn(call.PtrdName))
        {
            throw ServiceError.Schema(new FieldError(["ptrdname"], $"'{call.PtrdName}' is not a 'domainname'", "format", "domainname"));
        }

        ZoneFieldRules.CheckDescription(call.Description);
        var fip = await FloatingIpPtrReader.FindAsync(network, call.Caller, project, call.Region, call.FloatingIpId, ct);
        var zone = await ReverseZoneAsync(ctx, fip.Address, ct);
        var name = ReverseNames.NameOf(fip.Address);
        var managed = new ManagedResource(FloatingIpRecords.ResourceType, fip.Id.ToString("D"), fip.Region, fip.Address, project);
        var elevated = FloatingIpRecords.Elevated(ctx);
        var existing = await db.RecordSets.AsNoTracking().Where(s => s.ZoneId == zone.Id && s.Name == name && s.Type == "PTR").Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        var set = existing is Guid setId
            ? await recordSets.HandleAsync(new UpdateRecordSet(elevated, zone.Id, setId, new([call.PtrdName]), new(call.Ttl), new(call.Description), managed), ct)
            : await recordSets.HandleAsync(new CreateRecordSet(elevated, zone.Id, name, "PTR", [call.PtrdName], call.Ttl, call.Description, managed), ct);
        return new FloatingIpView(fip.Region, fip.Id, fip.Address, call.PtrdName, set.Description, set.Ttl ?? zone.Ttl, set.Status, set.Action);
    }

    /// <summary>Unset asks no network API: the PTR this project set for that floating IP goes, or 404.</summary>
    public async Task<RecordSetView> HandleAsync(UnsetFloatingIpPtr call, CancellationToken ct)
    {
        var ctx = call.Context;
        policy.EnforceOwn("update_floatingip", ctx);
        var project = Policy.RequireProject(ctx);
        var id = call.FloatingIpId.ToString("D");
        var record = await FloatingIpRecords.Live(db).AsNoTracking()
            .FirstOrDefaultAsync(r => r.ManagedResourceId == id && r.ManagedTenantId == project && r.ManagedResourceRegion == call.Region, ct)
            ?? throw ServiceError.NotFound("not_found", $"No such FloatingIP {call.Region}:{id}");
        return await RemoveAsync(ctx, record, ct);
    }

    /// <summary>Takes one PTR record out of its record set; the set goes when it was the last one.</summary>
    public async Task<RecordSetView> RemoveAsync(RequestContext ctx, RecordRow record, CancellationToken ct)
    {
        var elevated = FloatingIpRecords.Elevated(ctx);
        var others = await db.Records.AsNoTracking()
            .Where(r => r.RecordSetId == record.RecordSetId && r.Id != record.Id && r.Action != ChangeAction.Delete)
            .Select(r => r.Data).ToListAsync(ct);
        return others.Count == 0
            ? await recordSets.HandleAsync(new DeleteRecordSet(elevated, record.ZoneId, record.RecordSetId), ct)
            : await recordSets.HandleAsync(new UpdateRecordSet(elevated, record.ZoneId, record.RecordSetId, new(others), null, null), ct);
    }

    /// <summary>
    /// The live zone named after the address's /24, whoever owns it (as Designate finds it); else a new
    /// PRIMARY zone of the managed-resource project. A concurrent set may make it first: then that one.
    /// </summary>
    private async Task<ZoneRow> ReverseZoneAsync(RequestContext ctx, string address, CancellationToken ct)
    {
        var name = ReverseNames.ZoneOf(address);
        if (await FindZoneAsync(name, ct) is { } found)
        {
            return found;
        }

        var central = options.Value.Central;
        var owner = new RequestContext { RequestId = ctx.RequestId, UserId = ctx.UserId, ProjectId = central.ManagedResourceTenantId, Roles = ["admin"] };
        try
        {
            await zones.HandleAsync(new CreateZone(owner, name, central.ManagedResourceEmail, null, null, ZoneType.Primary, [], new Dictionary<string, string>()), ct);
        }
        catch (ServiceError e) when (e.Type == "duplicate_zone")
        {
        }

        // The zone write is committed (or lost to a concurrent set); what it left tracked must not stand in
        // for the zone and SOA rows the record set write reads under the zone lock.
        db.ChangeTracker.Clear();
        return await FindZoneAsync(name, ct) ?? throw new InvalidOperationException($"reverse zone {name} vanished after it was made");
    }

    private Task<ZoneRow?> FindZoneAsync(string name, CancellationToken ct) =>
        db.Zones.AsNoTracking().FirstOrDefaultAsync(z => z.DeletedAt == null && z.Name == name, ct);
}
