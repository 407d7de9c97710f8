namespace Zonal.Domain;

/// <summary>
/// Who is calling and with which modifiers, as the API's authentication built it. It travels with
/// every message so central can apply policy without knowing how the caller was authenticated.
/// </summary>
public sealed record RequestContext
{
    public required string RequestId { get; init; }

    public string? UserId { get; init; }

    /// <summary>The project the call acts for (the sudo project when one was asked for).</summary>
    public string? ProjectId { get; init; }

    /// <summary>The authenticated project when <see cref="ProjectId"/> came from X-Auth-Sudo-Project-ID.</summary>
    public string? SudoFromProjectId { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public bool AllProjects { get; init; }

    public bool EditManagedRecords { get; init; }

    public bool HardDelete { get; init; }

    /// <summary>X-Designate-Delete-Shares: a shared zone may be deleted, its shares removed first.</summary>
    public bool DeleteShares { get; init; }

    /// <summary>"all" for a system-scoped Keystone token (no project); null otherwise.</summary>
    public string? SystemScope { get; init; }

    public bool IsAdmin => Roles.Contains("admin", StringComparer.OrdinalIgnoreCase);

    /// <summary>Keystone's implied roles: admin implies member, member implies reader.</summary>
    public bool IsMember => IsAdmin || Roles.Contains("member", StringComparer.OrdinalIgnoreCase);

    public bool IsReader => IsMember || Roles.Contains("reader", StringComparer.OrdinalIgnoreCase);

    /// <summary>The privileged modifiers this call asks for, by Designate's policy rule names (checked when the context is built).</summary>
    public IEnumerable<string> RequestedModifierRules()
    {
        if (AllProjects)
        {
            yield return "all_tenants";
        }

        if (SudoFromProjectId is not null)
        {
            yield return "use_sudo";
        }

        if (EditManagedRecords)
        {
            yield return "edit_managed_records";
        }

        if (HardDelete)
        {
            yield return "hard_delete";
        }
    }
}
