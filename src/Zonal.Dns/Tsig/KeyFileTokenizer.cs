namespace Zonal.Dns.Tsig;

/// <summary>One word, quoted string or punctuation mark of a BIND configuration file, with where it starts.</summary>
internal readonly record struct KeyFileToken(string Text, bool IsQuoted, int Line, int Column);

/// <summary>Splits BIND configuration text into tokens, dropping <c>#</c>, <c>//</c> and <c>/* */</c> comments.</summary>
internal sealed class KeyFileTokenizer(string text, string source)
{
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    public KeyFileToken? Next()
    {
        SkipSpaceAndComments();
        if (_pos >= text.Length)
        {
            return null;
        }

        int line = _line, column = _pos - _lineStart + 1;
        char c = text[_pos];
        if (c is '{' or '}' or ';')
        {
            _pos++;
            return new KeyFileToken(c.ToString(), false, line, column);
        }

        if (c == '"')
        {
            int end = text.IndexOf('"', _pos + 1);
            if (end < 0)
            {
                throw new DnsFormatException($"{source}:{line}:{column}: quoted string is not closed");
            }

            string value = text[(_pos + 1)..end];
            Advance(end + 1);
            return new KeyFileToken(value, true, line, column);
        }

        int start = _pos;
        while (_pos < text.Length && !char.IsWhiteSpace(text[_pos]) && text[_pos] is not ('{' or '}' or ';' or '"' or '#'))
        {
            _pos++;
        }

        return new KeyFileToken(text[start.._pos], false, line, column);
    }

    public KeyFileToken Expect(string what) =>
        Next() ?? throw new DnsFormatException($"{source}:{_line}:{_pos - _lineStart + 1}: file ends where {what} was expected");

    public void ExpectSymbol(string symbol)
    {
        var token = Expect($"'{symbol}'");
        if (token.IsQuoted || token.Text != symbol)
        {
            throw Error(token, $"expected '{symbol}', found '{token.Text}'");
        }
    }

    public DnsFormatException Error(KeyFileToken at, string message) =>
        new($"{source}:{at.Line}:{at.Column}: {message}");

    private void SkipSpaceAndComments()
    {
        while (_pos < text.Length)
        {
            char c = text[_pos];
            if (c == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (char.IsWhiteSpace(c))
            {
                _pos++;
            }
            else if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                while (_pos < text.Length && text[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                int end = text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new DnsFormatException($"{source}:{_line}:{_pos - _lineStart + 1}: comment is not closed");
                }

                Advance(end + 2);
            }
            else
            {
                return;
            }
        }
    }

    private char Peek(int ahead) => _pos + ahead < text.Length ? text[_pos + ahead] : '\0';

    /// <summary>Moves to <paramref name="end"/>, counting the line breaks passed over.</summary>
    private void Advance(int end)
    {
        for (; _pos < end; _pos++)
        {
            if (text[_pos] == '\n')
            {
                _line++;
                _lineStart = _pos + 1;
            }
        }
    }
}
