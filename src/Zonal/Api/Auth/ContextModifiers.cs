using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Zonal.Domain;

namespace Zonal.Api.Auth;

/// <summary>
/// Designate's request headers read on top of the authenticated identity, the same in every auth mode:
/// all projects, sudo to another project, editing managed records, hard delete, deleting shares.
/// </summary>
public static class ContextModifiers
{
    public static RequestContext Apply(RequestContext identity, HttpRequest request)
    {
        var headers = request.Headers;
        var query = request.Query;
        string? sudo = First(headers["X-Auth-Sudo-Project-ID"], headers["X-Auth-Sudo-Tenant-ID"]);
        bool allProjects = OsloBool.Parse(headers["X-Auth-All-Projects"]) || OsloBool.Parse(query["all_projects"]) || OsloBool.Parse(query["all_tenants"]);
        bool editManaged = query.ContainsKey("edit_managed_records")
            ? OsloBool.Parse(query["edit_managed_records"])
            : OsloBool.Parse(headers["X-Designate-Edit-Managed-Records"]);

        return identity with
        {
            ProjectId = sudo ?? identity.ProjectId,
            SudoFromProjectId = sudo is null ? null : identity.ProjectId,
            AllProjects = allProjects,
            EditManagedRecords = editManaged,
            HardDelete = OsloBool.Parse(headers["X-Designate-Hard-Delete"]),
            DeleteShares = OsloBool.Parse(headers["X-Designate-Delete-Shares"]),
        };
    }

    /// <summary>The first non-empty value among headers that alias each other.</summary>
    public static string? First(params StringValues[] values) =>
        values.Select(v => v.ToString()).FirstOrDefault(v => v.Length > 0);
}
