using System.Globalization;
using System.Text;

namespace Zonal.Dns.ZoneFiles;

/// <summary>
/// BIND's <c>$GENERATE</c> substitution: <c>$</c> is the iterator, <c>${offset[,width[,base]]}</c> adds an
/// offset and formats with zero padding in base d, o, x, X, or n/N (reversed nibbles joined by dots,
/// as in ip6.arpa). <c>\$</c> stays escaped so the name or RDATA parser reads a literal dollar.
/// </summary>
public static class GenerateTemplate
{
    private const int MaxWidth = 255;

    public static string Expand(string template, long value)
    {
        var sb = new StringBuilder(template.Length + 16);
        int i = 0;
        while (i < template.Length)
        {
            char c = template[i];
            if (c == '\\')
            {
                sb.Append(c);
                if (i + 1 < template.Length)
                {
                    sb.Append(template[i + 1]);
                }

                i += 2;
                continue;
            }

            if (c != '$')
            {
                sb.Append(c);
                i++;
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                int close = template.IndexOf('}', i + 2);
                if (close < 0)
                {
                    throw new DnsFormatException($"'${{' in '{template}' is never closed with '}}'");
                }

                AppendModified(sb, template.AsSpan(i + 2, close - i - 2), value, template);
                i = close + 1;
                continue;
            }

            sb.Append(value.ToString(CultureInfo.InvariantCulture));
            i++;
        }

        return sb.ToString();
    }

    private static void AppendModified(StringBuilder sb, ReadOnlySpan<char> modifier, long value, string template)
    {
        Span<Range> parts = stackalloc Range[4];
        int count = modifier.Split(parts, ',');
        if (count is 0 or > 3)
        {
            throw new DnsFormatException($"'${{{modifier}}}' in '{template}' is not ${{offset[,width[,base]]}}");
        }

        if (!int.TryParse(modifier[parts[0]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int offset))
        {
            throw new DnsFormatException($"offset '{modifier[parts[0]]}' in '{template}' is not a whole number");
        }

        int width = 0;
        if (count > 1 && (!int.TryParse(modifier[parts[1]], NumberStyles.None, CultureInfo.InvariantCulture, out width) || width > MaxWidth))
        {
            throw new DnsFormatException($"width '{modifier[parts[1]]}' in '{template}' is not a number from 0 to {MaxWidth}");
        }

        char format = 'd';
        if (count > 2)
        {
            var text = modifier[parts[2]];
            if (text.Length != 1 || text[0] is not ('d' or 'o' or 'x' or 'X' or 'n' or 'N'))
            {
                throw new DnsFormatException($"base '{text}' in '{template}' is not one of d, o, x, X, n, N");
            }

            format = text[0];
        }

        long v = value + offset;
        if (v < 0)
        {
            throw new DnsFormatException($"'${{{modifier}}}' in '{template}' gives {v}, below zero");
        }

        switch (format)
        {
            case 'n' or 'N':
                AppendNibbles(sb, v, width, format == 'N');
                break;
            default:
                string digits = format switch
                {
                    'o' => Convert.ToString(v, 8),
                    'x' => v.ToString("x", CultureInfo.InvariantCulture),
                    'X' => v.ToString("X", CultureInfo.InvariantCulture),
                    _ => v.ToString(CultureInfo.InvariantCulture),
                };
                sb.Append('0', Math.Max(0, width - digits.Length)).Append(digits);
                break;
        }
    }

    /// <summary>Least significant nibble first, dot-separated, until the value is spent and the width reached.</summary>
    private static void AppendNibbles(StringBuilder sb, long value, int width, bool upper)
    {
        string digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        int written = 0;
        while (true)
        {
            sb.Append(digits[(int)(value & 0xF)]);
            written++;
            value >>= 4;
            if (value == 0 && written >= width)
            {
                return;
            }

            sb.Append('.');
            written++;
        }
    }
}
