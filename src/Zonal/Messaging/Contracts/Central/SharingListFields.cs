namespace Zonal.Messaging.Contracts.Central;

/// <summary>Filters and sort keys of the share and transfer lists, as Designate accepts them.</summary>
public static class SharingListFields
{
    public static readonly IReadOnlySet<string> ShareFilters = new HashSet<string> { "target_project_id" };

    public static readonly IReadOnlyList<string> ShareSortKeys = ["created_at", "updated_at"];

    public static readonly IReadOnlySet<string> TransferFilters = new HashSet<string> { "status" };

    public static readonly IReadOnlyList<string> TransferSortKeys = ["created_at", "id", "updated_at"];
}
