using Microsoft.EntityFrameworkCore;
using Zonal.Dns;
using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>Where a record set may live and what it may hold (RFC 1034 CNAME rules, zone cuts, Designate's formats).</summary>
public sealed class RecordSetRules(ZonalDbContext db, ZoneScope zones)
{
    public static void CheckType(string type)
    {
        if (!RecordDataRules.SupportedTypes.Contains(type))
        {
            throw ServiceError.Schema(new FieldError(["type"], $"'{type}' is not one of the supported record types", "enum", RecordDataRules.SupportedTypes.Order().ToArray()));
        }
    }

    public static DnsName CheckName(string name, string type, ZoneRow zone, int maxLength) =>
        CheckName(name, type, DnsName.Parse(zone.Name), maxLength);

    public static DnsName CheckName(string name, string type, DnsName zoneName, int maxLength)
    {
        var parsed = NameRules.ParseRecordSetName(name, maxLength);
        if (!parsed.IsSubdomainOf(zoneName))
        {
            throw new ServiceError(400, "invalid_recordset_location", "RecordSet is not contained within it's zone");
        }

        bool wildcard = parsed.LabelCount > 0 && parsed.GetLabel(0).SequenceEqual("*"u8);
        if (type == "CNAME" && parsed.Equals(zoneName))
        {
            throw new ServiceError(400, "invalid_recordset_location", "CNAME recordsets may not be created at the zone apex");
        }

        if (type == "NS" && wildcard)
        {
            throw ServiceError.Schema(new FieldError(["name"], $"'{name}' is not a 'ns-hostname'", "format", "ns-hostname"));
        }

        if (type == "SRV" && (parsed.LabelCount < 3 || parsed.GetLabel(0)[0] != (byte)'_' || parsed.GetLabel(1)[0] != (byte)'_'))
        {
            throw ServiceError.Schema(new FieldError(["name"], $"'{name}' is not a 'srv-hostname' (_service._proto.name.)", "format", "srv-hostname"));
        }

        return parsed;
    }

    public static List<string> CheckRecords(string type, IReadOnlyList<string> records)
    {
        var distinct = records.Distinct(StringComparer.Ordinal).ToList();
        RecordDataValidator.Validate(type, distinct);
        if (type == "CNAME" && distinct.Count > 1)
        {
            throw ServiceError.BadRequest("CNAME recordsets may not have more than 1 record");
        }

        return distinct;
    }

    /// <summary>
    /// A CNAME owns its name alone; and a name at or below a child zone's apex belongs to that zone
    /// (only the delegating NS set may sit at the child's apex).
    /// </summary>
    public async Task CheckPlacementAsync(ZoneRow zone, DnsName name, string type, Guid? self, CancellationToken ct)
    {
        var lowered = name.ToString().ToLowerInvariant();
        int zoneLabels = DnsName.Parse(zone.Name).LabelCount;
        var candidates = ZoneScope.SelfAndAncestors(name).Take(name.LabelCount - zoneLabels).ToList();
        var sameName = db.RecordSets.Where(s => s.ZoneId == zone.Id && s.Name.ToLower() == lowered && s.Id != self);
        var live = zones.Live;

        // Both checks in one round trip, hung on the (locked) zone's own row.
        var found = await db.Zones.AsNoTracking().Where(z => z.Id == zone.Id).Select(z => new
        {
            SameType = sameName.Any(s => s.Type == type),
            Others = sameName.Any(),
            Cname = sameName.Any(s => s.Type == "CNAME"),
            Child = live.Where(c => candidates.Contains(c.Name.ToLower())).Select(c => c.Name).FirstOrDefault(),
        }).FirstAsync(ct);
        if (found.SameType)
        {
            throw ServiceError.Duplicate("duplicate_recordset", "Duplicate RecordSet");
        }

        if (found.Others && (type == "CNAME" || found.Cname))
        {
            throw new ServiceError(400, "invalid_recordset_location", "CNAME recordsets may not share a name with any other records");
        }

        var child = found.Child;
        if (child is not null && !(type == "NS" && string.Equals(child, name.ToString(), StringComparison.OrdinalIgnoreCase)))
        {
            throw new ServiceError(400, "invalid_recordset_location", $"RecordSet belongs in a child zone: {child}");
        }
    }
}
