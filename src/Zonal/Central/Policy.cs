using Zonal.Domain;
using Zonal.Domain.PolicyLanguage;

namespace Zonal.Central;

/// <summary>
/// Designate's default policy ("new defaults", project scope): admin anywhere, member and reader of
/// the owning project. Foreign resources are hidden by scoping queries, so denials here are 403s.
/// </summary>
public static class Policy
{
    /// <summary>The privileged request modifiers, checked on every call as Designate does when building the context.</summary>
    public static void CheckContext(RequestContext ctx)
    {
        foreach (var rule in ctx.RequestedModifierRules())
        {
            if (!PolicyRules.Current.Allows(rule, ctx))
            {
                throw ServiceError.Forbidden($"{rule} requires the admin role");
            }
        }
    }

    public static void RequireAdmin(RequestContext ctx)
    {
        CheckContext(ctx);
        if (!PolicyRules.Current.Allows("admin", ctx))
        {
            throw ServiceError.Forbidden();
        }
    }

    /// <summary>The base rules by name (admin, project_reader), so a policy file can override them.</summary>
    public static void RequireReader(RequestContext ctx, string ownerProjectId)
    {
        CheckContext(ctx);
        if (!PolicyRules.Current.Allows("admin", ctx) && !PolicyRules.Current.AllowsFor("project_reader", ctx, ownerProjectId))
        {
            throw ServiceError.Forbidden();
        }
    }

    /// <summary>Zone and record set reads: admins, readers of the owner, and any project the zone is shared with.</summary>
    public static void RequireReaderOrShared(RequestContext ctx, string ownerProjectId, bool shared)
    {
        CheckContext(ctx);
        if (!shared)
        {
            RequireReader(ctx, ownerProjectId);
        }
    }

    public static void RequireReader(RequestContext ctx)
    {
        CheckContext(ctx);
        if (!ctx.IsReader)
        {
            throw ServiceError.Forbidden();
        }
    }

    public static void RequireMember(RequestContext ctx, string ownerProjectId)
    {
        CheckContext(ctx);
        if (!PolicyRules.Current.Allows("admin", ctx) && !PolicyRules.Current.AllowsFor("project_member", ctx, ownerProjectId))
        {
            throw ServiceError.Forbidden();
        }
    }

    /// <summary>
    /// Record set creation: admins on any zone; on PRIMARY zones members of the owning project, and
    /// projects the zone is shared with, whatever their role (Designate's default).
    /// </summary>
    public static void RequireRecordSetCreator(RequestContext ctx, string zoneProjectId, string zoneType, bool shared)
    {
        CheckContext(ctx);
        if (ctx.IsAdmin)
        {
            return;
        }

        if (zoneType != ZoneType.Primary || !(shared || (ctx.IsMember && ctx.ProjectId == zoneProjectId)))
        {
            throw ServiceError.Forbidden();
        }
    }

    /// <summary>
    /// Record set changes: admins on any zone; on PRIMARY zones members of the zone's owner, or of the
    /// project that created the set (a project the zone is shared with).
    /// </summary>
    public static void RequireRecordSetWriter(RequestContext ctx, string zoneProjectId, string zoneType, string recordSetProjectId)
    {
        CheckContext(ctx);
        if (ctx.IsAdmin)
        {
            return;
        }

        if (!(ctx.IsMember && zoneType == ZoneType.Primary && (ctx.ProjectId == zoneProjectId || ctx.ProjectId == recordSetProjectId)))
        {
            throw ServiceError.Forbidden();
        }
    }

    /// <summary>The project that creates and owns new resources; none is a 401 kept for compatibility.</summary>
    public static string RequireProject(RequestContext ctx) =>
        ctx.ProjectId ?? throw new ServiceError(401, "missing_project_id", "A project ID must be provided. If you are using Keystone v3 set the scope of the token to a project.");

    public static void RequireLowTtlAllowed(RequestContext ctx, int ttl, int minTtl)
    {
        if (ttl < minTtl && !ctx.IsAdmin)
        {
            throw new ServiceError(400, "invalid_ttl", $"TTL is below the minimum: {minTtl}");
        }
    }
}
