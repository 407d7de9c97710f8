namespace Zonal.Dns;

/// <summary>Where one token lies in a text, and whether it was a quoted string (quotes not included).</summary>
public readonly record struct TokenRange(int Start, int Length, bool Quoted);

/// <summary>
/// The RDATA fields of one record in presentation form, as tokens over a shared text. Escapes are
/// left in the token text for the field codec to interpret. Built by the zone file reader without
/// copying, or from a single line by <see cref="Split"/>.
/// </summary>
public readonly ref struct RdataTokens
{
    private readonly ReadOnlySpan<char> _text;
    private readonly ReadOnlySpan<TokenRange> _ranges;

    public RdataTokens(ReadOnlySpan<char> text, ReadOnlySpan<TokenRange> ranges)
    {
        _text = text;
        _ranges = ranges;
    }

    public int Count => _ranges.Length;

    public ReadOnlySpan<char> this[int index] => _text.Slice(_ranges[index].Start, _ranges[index].Length);

    public bool IsQuoted(int index) => _ranges[index].Quoted;

    public RdataTokens Slice(int start) => new(_text, _ranges[start..]);

    /// <summary>
    /// True when token <paramref name="index"/> is a quoted string written straight after the unquoted token
    /// before it, with no space between, as in the SVCB parameter <c>alpn="h2,h3"</c>.
    /// </summary>
    public bool IsQuotedRightAfterPrevious(int index) =>
        index > 0 && _ranges[index].Quoted && !_ranges[index - 1].Quoted
        && _ranges[index].Start == _ranges[index - 1].Start + _ranges[index - 1].Length + 1;

    /// <summary>
    /// Splits one line of presentation text at unquoted white space; a quoted string is one token.
    /// A backslash escapes the next character, inside quotes or out.
    /// </summary>
    public static TokenRange[] Split(ReadOnlySpan<char> text)
    {
        var ranges = new List<TokenRange>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '"')
            {
                int start = ++i;
                while (i < text.Length && text[i] != '"')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                if (i >= text.Length)
                {
                    throw new DnsFormatException("quoted string is not closed");
                }

                ranges.Add(new TokenRange(start, i - start, true));
                i++;
                continue;
            }

            int tokenStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
            {
                i += text[i] == '\\' ? 2 : 1;
            }

            i = Math.Min(i, text.Length);
            ranges.Add(new TokenRange(tokenStart, i - tokenStart, false));
        }

        return [.. ranges];
    }
}
