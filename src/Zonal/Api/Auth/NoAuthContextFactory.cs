using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Domain;

namespace Zonal.Api.Auth;

/// <summary>
/// Designate's noauth pipeline: whatever project, user and roles the headers claim, with one fixed
/// project and the admin role when they claim none, so several tenants can be tried without Keystone.
/// </summary>
public sealed class NoAuthContextFactory(IOptions<ZonalOptions> options) : IRequestContextFactory
{
    public Task<RequestContext> CreateAsync(HttpContext http)
    {
        var headers = http.Request.Headers;
        var query = http.Request.Query;
        string project = First(headers["X-Auth-Project-ID"], headers["X-Project-Id"]) ?? options.Value.Api.NoAuthProject;
        string? sudo = First(headers["X-Auth-Sudo-Project-ID"], headers["X-Auth-Sudo-Tenant-ID"]);
        var roles = (First(headers["X-Roles"]) ?? "admin").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        bool allProjects = OsloBool.Parse(headers["X-Auth-All-Projects"]) || OsloBool.Parse(query["all_projects"]) || OsloBool.Parse(query["all_tenants"]);
        bool editManaged = query.ContainsKey("edit_managed_records")
            ? OsloBool.Parse(query["edit_managed_records"])
            : OsloBool.Parse(headers["X-Designate-Edit-Managed-Records"]);

        return Task.FromResult(new RequestContext
        {
            RequestId = RequestIds.Of(http),
            UserId = First(headers["X-Auth-User-ID"], headers["X-User-Id"]) ?? "noauth-user",
            ProjectId = sudo ?? project,
            SudoFromProjectId = sudo is null ? null : project,
            Roles = roles,
            AllProjects = allProjects,
            EditManagedRecords = editManaged,
            HardDelete = OsloBool.Parse(headers["X-Designate-Hard-Delete"]),
            DeleteShares = OsloBool.Parse(headers["X-Designate-Delete-Shares"]),
        });
    }

    private static string? First(params Microsoft.Extensions.Primitives.StringValues[] values) =>
        values.Select(v => v.ToString()).FirstOrDefault(v => v.Length > 0);
}
