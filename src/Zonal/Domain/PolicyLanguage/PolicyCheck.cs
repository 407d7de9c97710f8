namespace Zonal.Domain.PolicyLanguage;

/// <summary>What a rule is checked against: the caller's credentials, the target's attributes, the other rules.</summary>
public sealed record PolicyInput(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Credentials,
    IReadOnlyDictionary<string, string?> Target,
    Func<string, PolicyCheck?> Rule);

/// <summary>One parsed oslo.policy expression; <see cref="Check"/> evaluates it.</summary>
public abstract record PolicyCheck
{
    public abstract bool Check(PolicyInput input);
}

/// <summary><c>@</c> (or an empty rule): always passes.</summary>
public sealed record AlwaysCheck : PolicyCheck
{
    public override bool Check(PolicyInput input) => true;
}

/// <summary><c>!</c>: never passes.</summary>
public sealed record NeverCheck : PolicyCheck
{
    public override bool Check(PolicyInput input) => false;
}

public sealed record NotCheck(PolicyCheck Inner) : PolicyCheck
{
    public override bool Check(PolicyInput input) => !Inner.Check(input);
}

public sealed record AndCheck(IReadOnlyList<PolicyCheck> Parts) : PolicyCheck
{
    public override bool Check(PolicyInput input) => Parts.All(p => p.Check(input));
}

public sealed record OrCheck(IReadOnlyList<PolicyCheck> Parts) : PolicyCheck
{
    public override bool Check(PolicyInput input) => Parts.Any(p => p.Check(input));
}

/// <summary><c>rule:name</c>: another rule of the set; an unknown name fails, as in oslo.policy.</summary>
public sealed record RuleCheck(string Name) : PolicyCheck
{
    public override bool Check(PolicyInput input) => input.Rule(Name)?.Check(input) ?? false;
}

/// <summary><c>role:name</c>: the caller holds the role (case-insensitive); the name may be a %(target)s reference.</summary>
public sealed record RoleCheck(string Match) : PolicyCheck
{
    public override bool Check(PolicyInput input)
    {
        var role = GenericCheck.Resolve(Match, input);
        return role is not null && input.Credentials.TryGetValue("roles", out var roles)
            && roles.Contains(role, StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>
/// <c>key:match</c>: the caller's credential <c>key</c> equals <c>match</c>, a literal ('quoted', True, False)
/// or a %(name)s taken from the target, e.g. <c>project_id:%(project_id)s</c>. A missing value fails.
/// A literal key ('PRIMARY', True, None) is compared with the match itself, e.g. <c>'PRIMARY':%(zone_type)s</c>.
/// </summary>
public sealed record GenericCheck(string Key, string Match) : PolicyCheck
{
    public override bool Check(PolicyInput input)
    {
        var expected = Resolve(Match, input);
        if (expected is null)
        {
            return false;
        }

        return Literal(Key) is { } literal
            ? literal == expected
            : input.Credentials.TryGetValue(Key, out var actual) && actual.Contains(expected, StringComparer.Ordinal);
    }

    /// <summary>The value of <paramref name="match"/>; a target attribute that is present but null reads "None", as Python formats it.</summary>
    public static string? Resolve(string match, PolicyInput input)
    {
        if (match.StartsWith("%(", StringComparison.Ordinal) && match.EndsWith(")s", StringComparison.Ordinal))
        {
            return input.Target.TryGetValue(match[2..^2], out var value) ? value ?? "None" : null;
        }

        return Literal(match) ?? match;
    }

    /// <summary>A quoted string, a number or True/False/None (Python literals, as oslo evaluates them), else null.</summary>
    private static string? Literal(string text)
    {
        if (text.Length >= 2 && (text[0] is '\'' or '"') && text[^1] == text[0])
        {
            return text[1..^1];
        }

        return text is "True" or "False" or "None" || (text.Length > 0 && text.All(char.IsAsciiDigit)) ? text : null;
    }
}
