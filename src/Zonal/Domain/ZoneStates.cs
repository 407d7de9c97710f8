namespace Zonal.Domain;

/// <summary>Designate's status values for zones and records.</summary>
public static class Status
{
    public const string Active = "ACTIVE";
    public const string Pending = "PENDING";
    public const string Error = "ERROR";
    public const string Deleted = "DELETED";

    /// <summary>A zone import or export that finished.</summary>
    public const string Complete = "COMPLETE";
}

/// <summary>Designate's action values: what the pending change is.</summary>
public static class ChangeAction
{
    public const string Create = "CREATE";
    public const string Update = "UPDATE";
    public const string Delete = "DELETE";
    public const string None = "NONE";
}

public static class ZoneType
{
    public const string Primary = "PRIMARY";
    public const string Secondary = "SECONDARY";
}

/// <summary>The two zone tasks that share one table and one lifecycle (PENDING, then COMPLETE or ERROR).</summary>
public static class ZoneTaskKind
{
    public const string Import = "IMPORT";
    public const string Export = "EXPORT";
}
