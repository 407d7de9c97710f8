namespace Zonal.Dns.RdataCodec;

/// <summary>Walks the presentation tokens of one record's RDATA, naming the field that is missing when they run out.</summary>
internal ref struct TokenCursor
{
    private readonly RdataTokens _tokens;

    public TokenCursor(RdataTokens tokens, string typeName)
    {
        _tokens = tokens;
        TypeName = typeName;
        Index = 0;
    }

    public string TypeName { get; }

    public int Index { get; private set; }

    public readonly bool AtEnd => Index >= _tokens.Count;

    public readonly bool PeekQuoted => _tokens.IsQuoted(Index);

    public readonly ReadOnlySpan<char> Peek => _tokens[Index];

    /// <summary>The next token is a quoted string glued to the one just taken (<c>key="value"</c>).</summary>
    public readonly bool NextIsGluedQuote => !AtEnd && _tokens.IsQuotedRightAfterPrevious(Index);

    /// <summary>The next token, which must be there and must not be quoted.</summary>
    public ReadOnlySpan<char> Next(Field field)
    {
        var token = NextAny(field, out bool quoted);
        if (quoted)
        {
            throw new DnsFormatException($"{TypeName} {field.Label} must not be a quoted string (\"{token}\")");
        }

        return token;
    }

    /// <summary>The next token, quoted or not.</summary>
    public ReadOnlySpan<char> NextAny(Field field, out bool quoted)
    {
        if (AtEnd)
        {
            throw new DnsFormatException($"{TypeName} RDATA ends before the {field.Label}");
        }

        var token = _tokens[Index];
        quoted = _tokens.IsQuoted(Index);
        Index++;
        return token;
    }
}
