namespace Zonal.Messaging.Contracts.Central;

/// <summary>The filters and sort keys each list accepts (Designate's, per resource), shared by the API and central.</summary>
public static class ListFields
{
    public static readonly IReadOnlySet<string> ZoneFilters = new HashSet<string> { "name", "type", "email", "status", "description", "ttl" };

    public static readonly IReadOnlyList<string> ZoneSortKeys = ["created_at", "id", "updated_at", "name", "tenant_id", "serial", "ttl", "status"];

    public static readonly IReadOnlySet<string> RecordSetFilters = new HashSet<string> { "name", "type", "ttl", "data", "status", "description" };

    public static readonly IReadOnlyList<string> ZoneRecordSetSortKeys = ["created_at", "id", "updated_at", "zone_id", "tenant_id", "name", "type", "ttl", "records"];

    /// <summary>The cross-zone /v2/recordsets list: no id and no records key, as in Designate.</summary>
    public static readonly IReadOnlyList<string> AllRecordSetSortKeys = ["created_at", "updated_at", "zone_id", "tenant_id", "name", "type", "ttl"];

    /// <summary>Zone imports and exports.</summary>
    public static readonly IReadOnlySet<string> ZoneTaskFilters = new HashSet<string> { "status", "message", "zone_id" };

    public static readonly IReadOnlyList<string> ZoneTaskSortKeys = ["created_at", "id", "updated_at"];
}
