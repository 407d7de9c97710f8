using Zonal.Dns;
using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>Where a record set may live and what it may hold (RFC 1034 CNAME rules, zone cuts, Designate's formats).</summary>
public sealed class RecordSetRules(QuotaEnforcer quotas, ManagedRecords managed)
{
    public static void CheckType(string type)
    {
        if (!RecordDataRules.SupportedTypes.Contains(type))
        {
            throw ServiceError.Schema(new FieldError(["type"], $"'{type}' is not one of the supported record types", "enum", RecordDataRules.SupportedTypes.Order().ToArray()));
        }
    }

    public static DnsName CheckName(string name, string type, DnsName zoneName, int maxLength) =>
        CheckName(NameRules.ParseRecordSetName(name, maxLength), name, type, zoneName);

    /// <summary>The checks of a parsed record set name (<paramref name="name"/> as given) against its type and zone.</summary>
    public static DnsName CheckName(DnsName parsed, string name, string type, DnsName zoneName)
    {
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
    /// Checks a new record set against what was read under the zone lock (<see cref="RecordSetWriteFacts"/>):
    /// where it may live (<see cref="CheckPlacement"/>) and the quotas; remembers the pool's NS records for
    /// the SOA rewrite.
    /// </summary>
    public void CheckCreate(ZoneRow zone, RecordSetWriteFacts found, DnsName name, string type, int records)
    {
        CheckPlacement(found.Placement, name, type);
        quotas.CheckRecordSet(found.Quota, newSet: true, records);
        managed.Remember(zone.PoolId, found.NsRecords);
    }

    /// <summary>
    /// A CNAME owns its name alone; and a name at or below a child zone's apex belongs to that zone
    /// (only the delegating NS set may sit at the child's apex).
    /// </summary>
    private static void CheckPlacement(PlacementFacts found, DnsName name, string type)
    {
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
