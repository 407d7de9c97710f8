using Zonal.Domain;
using Zonal.Domain.PolicyLanguage;

namespace Zonal.Central;

/// <summary>
/// Designate's policy enforcement: each action is checked by its Designate rule name against the
/// rules in force (the defaults, or an operator's policy file). Foreign resources are hidden by
/// scoping queries before this runs, so denials here are 403s.
/// </summary>
public sealed class Policy(PolicyRules rules)
{
    /// <summary>The privileged request modifiers, checked on every call as Designate does when building the context.</summary>
    public void CheckContext(RequestContext ctx)
    {
        foreach (var rule in ctx.RequestedModifierRules())
        {
            if (!rules.Allows(rule, ctx, PolicyTarget.Owner(ctx.ProjectId)))
            {
                throw ServiceError.Forbidden($"{rule} is not allowed by policy");
            }
        }
    }

    /// <summary>Whether the caller passes <paramref name="rule"/> for <paramref name="target"/>, for decisions that are not denials.</summary>
    public bool Allows(string rule, RequestContext ctx, IReadOnlyDictionary<string, string?> target) => rules.Allows(rule, ctx, target);

    /// <summary>Checks the modifiers, then <paramref name="rule"/> for <paramref name="target"/>: a 403 when it fails.</summary>
    public void Enforce(string rule, RequestContext ctx, IReadOnlyDictionary<string, string?> target)
    {
        CheckContext(ctx);
        if (!rules.Allows(rule, ctx, target))
        {
            throw ServiceError.Forbidden();
        }
    }

    /// <summary><see cref="Enforce(string, RequestContext, IReadOnlyDictionary{string, string?})"/> for a resource owned by <paramref name="ownerProjectId"/>.</summary>
    public void Enforce(string rule, RequestContext ctx, string? ownerProjectId) => Enforce(rule, ctx, PolicyTarget.Owner(ownerProjectId));

    /// <summary>For collections scoped to the caller's project (or all projects): checked against the caller's own project.</summary>
    public void EnforceOwn(string rule, RequestContext ctx) => Enforce(rule, ctx, PolicyTarget.Owner(ctx.ProjectId));

    /// <summary>The project that creates and owns new resources; none is a 401 kept for compatibility.</summary>
    public static string RequireProject(RequestContext ctx) =>
        ctx.ProjectId ?? throw new ServiceError(401, "missing_project_id", "A project ID must be provided. If you are using Keystone v3 set the scope of the token to a project.");

    public void RequireLowTtlAllowed(RequestContext ctx, int ttl, int minTtl)
    {
        if (ttl < minTtl && !rules.Allows("use_low_ttl", ctx, PolicyTarget.Owner(ctx.ProjectId)))
        {
            throw new ServiceError(400, "invalid_ttl", $"TTL is below the minimum: {minTtl}");
        }
    }
}
