namespace Zonal.Messaging.Contracts.Central;

/// <summary>Filters and sort keys of the admin-only lists, as Designate accepts them.</summary>
public static class AdminListFields
{
    public static readonly IReadOnlySet<string> TldFilters = new HashSet<string> { "name" };

    public static readonly IReadOnlyList<string> TldSortKeys = ["created_at", "id", "updated_at", "name"];

    public static readonly IReadOnlySet<string> BlacklistFilters = new HashSet<string> { "pattern" };

    public static readonly IReadOnlyList<string> BlacklistSortKeys = ["created_at", "id", "updated_at", "pattern"];

    public static readonly IReadOnlySet<string> TsigKeyFilters = new HashSet<string> { "name", "algorithm", "scope" };

    public static readonly IReadOnlyList<string> TsigKeySortKeys = ["created_at", "id", "updated_at", "name"];
}
