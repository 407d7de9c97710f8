namespace Zonal.Domain.PolicyLanguage;

/// <summary>
/// oslo.policy's rule language: checks (<c>role:x</c>, <c>rule:x</c>, <c>key:%(attr)s</c>, <c>@</c>, <c>!</c>)
/// joined by <c>not</c> over <c>and</c> over <c>or</c>, with parentheses. A rule that does not parse is
/// refused at load time rather than silently denying (oslo logs and uses "!" instead).
/// </summary>
public static class PolicyParser
{
    public static PolicyCheck Parse(string rule)
    {
        var tokens = Tokenize(rule);
        if (tokens.Count == 0)
        {
            return new AlwaysCheck();
        }

        int position = 0;
        var check = ParseOr(tokens, ref position);
        if (position != tokens.Count)
        {
            throw new FormatException($"unexpected '{tokens[position]}' in policy rule \"{rule}\"");
        }

        return check;
    }

    private static PolicyCheck ParseOr(List<string> tokens, ref int position)
    {
        var parts = new List<PolicyCheck> { ParseAnd(tokens, ref position) };
        while (Next(tokens, position, "or"))
        {
            position++;
            parts.Add(ParseAnd(tokens, ref position));
        }

        return parts.Count == 1 ? parts[0] : new OrCheck(parts);
    }

    private static PolicyCheck ParseAnd(List<string> tokens, ref int position)
    {
        var parts = new List<PolicyCheck> { ParseNot(tokens, ref position) };
        while (Next(tokens, position, "and"))
        {
            position++;
            parts.Add(ParseNot(tokens, ref position));
        }

        return parts.Count == 1 ? parts[0] : new AndCheck(parts);
    }

    private static PolicyCheck ParseNot(List<string> tokens, ref int position)
    {
        if (Next(tokens, position, "not"))
        {
            position++;
            return new NotCheck(ParseNot(tokens, ref position));
        }

        if (position >= tokens.Count)
        {
            throw new FormatException("policy rule ends where a check was expected");
        }

        var token = tokens[position++];
        if (token == "(")
        {
            var inner = ParseOr(tokens, ref position);
            if (!Next(tokens, position, ")"))
            {
                throw new FormatException("policy rule misses a closing parenthesis");
            }

            position++;
            return inner;
        }

        return Check(token);
    }

    private static PolicyCheck Check(string token)
    {
        switch (token)
        {
            case "@":
                return new AlwaysCheck();
            case "!":
                return new NeverCheck();
            case ")" or "and" or "or":
                throw new FormatException($"unexpected '{token}' in policy rule");
        }

        int colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FormatException($"'{token}' is not a policy check (kind:match, @ or !)");
        }

        var kind = token[..colon];
        var match = token[(colon + 1)..];
        return kind switch
        {
            "rule" => new RuleCheck(match),
            "role" => new RoleCheck(match),
            _ => new GenericCheck(kind, match),
        };
    }

    private static bool Next(List<string> tokens, int position, string word) =>
        position < tokens.Count && string.Equals(tokens[position], word, StringComparison.OrdinalIgnoreCase);

    /// <summary>Words split on whitespace; parentheses are tokens of their own unless quoted or part of a %(name)s.</summary>
    private static List<string> Tokenize(string rule)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        char quote = '\0';
        bool inReference = false;
        foreach (char c in rule)
        {
            if (c == '(' && current.Length > 0 && current[^1] == '%')
            {
                inReference = true;
                current.Append(c);
            }
            else if (c == ')' && inReference)
            {
                inReference = false;
                current.Append(c);
            }
            else if (quote != '\0')
            {
                current.Append(c);
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                current.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '(' or ')')
            {
                Flush(tokens, current);
                if (c is '(' or ')')
                {
                    tokens.Add(c.ToString());
                }
            }
            else
            {
                current.Append(c);
            }
        }

        Flush(tokens, current);
        return tokens;
    }

    private static void Flush(List<string> tokens, System.Text.StringBuilder current)
    {
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
            current.Clear();
        }
    }
}
