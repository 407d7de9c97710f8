namespace Zonal.Domain.PolicyLanguage;

/// <summary>The attributes of what a rule is checked against, under the names Designate's rules refer to.</summary>
public static class PolicyTarget
{
    /// <summary>A resource owned by <paramref name="projectId"/> (for a new one: the caller's project).</summary>
    public static Dictionary<string, string?> Owner(string? projectId) =>
        new(StringComparer.Ordinal) { ["project_id"] = projectId, ["tenant_id"] = projectId };

    /// <summary>A zone, or something in it: its owner, its type, and whether it reaches the caller by sharing.</summary>
    public static Dictionary<string, string?> Zone(string projectId, string zoneType, bool shared)
    {
        var target = Owner(projectId);
        target["zone_type"] = zoneType;
        target["zone_shared"] = Bool(shared);
        return target;
    }

    /// <summary>A record set: its zone, and the project that created it (a project the zone is shared with, maybe).</summary>
    public static Dictionary<string, string?> RecordSet(string zoneProjectId, string zoneType, bool shared, string recordSetProjectId)
    {
        var target = Zone(zoneProjectId, zoneType, shared);
        target["recordset_project_id"] = recordSetProjectId;
        return target;
    }

    /// <summary>Python's spelling, which rules compare with ('True':%(zone_shared)s).</summary>
    public static string Bool(bool value) => value ? "True" : "False";
}
