using YamlDotNet.Serialization;

namespace Zonal.Domain.PolicyLanguage;

/// <summary>
/// The named rules policy is decided by: Designate's defaults for every rule, replaced rule by rule
/// from an operator's policy file (oslo.policy's YAML or JSON
/// mapping of name to rule). Checked against a caller's context and a target's attributes.
/// </summary>
public sealed class PolicyRules
{
    /// <summary>Designate's default rules ("new defaults", project scope) under Designate's names.</summary>
    public static IReadOnlyDictionary<string, string> Defaults => DesignateDefaultRules.All;

    private static readonly IReadOnlyDictionary<string, string?> NoTarget = new Dictionary<string, string?>();
    private readonly Dictionary<string, PolicyCheck> _rules;

    public PolicyRules(IReadOnlyDictionary<string, string>? overrides = null)
    {
        _rules = Defaults.ToDictionary(r => r.Key, r => PolicyParser.Parse(r.Value));
        foreach (var (name, rule) in overrides ?? new Dictionary<string, string>())
        {
            _rules[name] = PolicyParser.Parse(rule);
        }
    }

    /// <summary>Reads a policy file: a mapping of rule name to rule, in YAML or JSON.</summary>
    public static PolicyRules Load(string path)
    {
        var rules = new DeserializerBuilder().Build().Deserialize<Dictionary<string, string>?>(File.ReadAllText(path));
        return new PolicyRules(rules ?? []);
    }

    /// <summary>Whether <paramref name="ctx"/> passes rule <paramref name="name"/>; an unknown name fails.</summary>
    public bool Allows(string name, RequestContext ctx, IReadOnlyDictionary<string, string?>? target = null)
    {
        var input = new PolicyInput(Credentials(ctx), target ?? NoTarget, n => _rules.GetValueOrDefault(n));
        return _rules.TryGetValue(name, out var rule) && rule.Check(input);
    }

    /// <summary>Whether the caller passes <paramref name="name"/> for a resource owned by <paramref name="projectId"/>.</summary>
    public bool AllowsFor(string name, RequestContext ctx, string projectId) =>
        Allows(name, ctx, new Dictionary<string, string?> { ["project_id"] = projectId, ["tenant_id"] = projectId });

    /// <summary>The credentials oslo.policy sees: user, project (tenant), roles, system scope, as lists for membership tests.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Credentials(RequestContext ctx)
    {
        // Keystone lists implied roles in a token; noauth's X-Roles need not, so they are implied here too.
        var roles = ctx.Roles.Concat(ctx.IsMember ? ["member", "reader"] : ctx.IsReader ? ["reader"] : []).ToList();
        var credentials = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["roles"] = roles };
        Add(credentials, "user_id", ctx.UserId);
        Add(credentials, "project_id", ctx.ProjectId);
        Add(credentials, "tenant_id", ctx.ProjectId);
        Add(credentials, "system_scope", ctx.SystemScope);
        return credentials;
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> credentials, string key, string? value)
    {
        if (value is not null)
        {
            credentials[key] = [value];
        }
    }
}
