using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>What the floating IP reader and writer share: how a FIP's PTR record is marked, and central's own rights over it.</summary>
public static class FloatingIpRecords
{
    /// <summary>Designate's managed_resource_type of a floating IP's PTR record.</summary>
    public const string ResourceType = "ptr:floatingip";

    /// <summary>
    /// The live PTR records of floating IPs (records on their way out do not count). The resource id
    /// test lets the planner use the partial index records_managed_resource instead of scanning records.
    /// </summary>
    public static IQueryable<RecordRow> Live(ZonalDbContext db) =>
        db.Records.Where(r => r.ManagedResourceType == ResourceType && r.ManagedResourceId != null && r.Action != ChangeAction.Delete);

    /// <summary>
    /// The caller's context lifted to what central needs to keep a PTR in a zone the caller does not
    /// own (Designate's context.elevated(all_tenants, edit_managed_records)); the caller's project stays.
    /// </summary>
    public static RequestContext Elevated(RequestContext ctx) => ctx with
    {
        Roles = [.. ctx.Roles, "admin"],
        AllProjects = true,
        EditManagedRecords = true,
        HardDelete = false,
    };
}
