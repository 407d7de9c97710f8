namespace Zonal.Dns.RdataCodec;

/// <summary>
/// The NAPTR regexp field (RFC 3403 §3.2): empty, or delim-pattern-delim-replacement-delim-flags, where
/// the delimiter is not a digit, a backslash or the flag 'i', the only flag is 'i', and back-references
/// in the replacement (\1..\9) do not exceed the pattern's groups. BIND applies these checks to text only.
/// </summary>
internal static class NaptrRegexp
{
    public static void Check(RdataLayout layout, Field field, ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        byte delimiter = text[0];
        if (delimiter is (byte)'\\' or (byte)'i' or 0 || char.IsAsciiDigit((char)delimiter))
        {
            throw layout.Error(field, $"may not use '{(char)delimiter}' as its delimiter");
        }

        int part = 0, groups = 0;
        for (int i = 1; i < text.Length; i++)
        {
            byte c = text[i];
            if (c == 0)
            {
                throw layout.Error(field, "holds a NUL octet");
            }

            if (c == delimiter)
            {
                if (++part > 2)
                {
                    throw layout.Error(field, "has more than three delimiters");
                }

                continue;
            }

            if (part == 2)
            {
                if (c != 'i')
                {
                    throw layout.Error(field, $"has the flag '{(char)c}'; only 'i' is defined");
                }

                continue;
            }

            if (c != '\\')
            {
                groups += part == 0 && c == '(' ? 1 : 0;
                continue;
            }

            if (++i >= text.Length || text[i] == 0)
            {
                throw layout.Error(field, "ends with a lone backslash");
            }

            if (part == 1 && char.IsAsciiDigit((char)text[i]) && (text[i] == '0' || text[i] - '0' > groups))
            {
                throw layout.Error(field, $"refers to group \\{(char)text[i]}, but the pattern has {groups}");
            }
        }

        if (part < 2)
        {
            throw layout.Error(field, "must be delimiter, pattern, delimiter, replacement, delimiter, flags");
        }
    }
}
