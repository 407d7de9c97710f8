using System.Buffers.Binary;
using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>
/// IPv6 addresses with the rules of inet_pton/inet_ntop, which BIND uses: groups of 1 to 4 hex digits,
/// one <c>::</c>, an optional dotted quad at the end; output compresses the longest run of two or more
/// zero groups (the first of equal runs) and writes <c>::a.b.c.d</c> and <c>::ffff:a.b.c.d</c> forms.
/// </summary>
internal static class Ipv6Field
{
    public static void Parse(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output)
    {
        var token = tokens.Next(field);
        if (!TryParse(token, output.Reserve(16)))
        {
            throw layout.Error(field, $"'{token}' is not an IPv6 address");
        }
    }

    public static bool TryParse(ReadOnlySpan<char> text, Span<byte> address)
    {
        address.Clear();
        int pos = 0, gap = -1, i = 0;
        if (text.StartsWith("::"))
        {
            gap = 0;
            i = 2;
            if (text.Length == 2)
            {
                return true;
            }
        }
        else if (text.StartsWith(":"))
        {
            return false;
        }

        while (i < text.Length)
        {
            int start = i;
            int value = 0;
            while (i < text.Length && char.IsAsciiHexDigit(text[i]) && i - start < 5)
            {
                value = (value << 4) | HexField.DigitValue(text[i]);
                i++;
            }

            if (i < text.Length && text[i] == '.')
            {
                if (pos > 12 || !Ipv4Field.TryParse(text[start..], address.Slice(pos, 4)))
                {
                    return false;
                }

                pos += 4;
                i = text.Length;
                break;
            }

            int digits = i - start;
            if (digits is 0 or > 4 || pos > 14)
            {
                return false;
            }

            BinaryPrimitives.WriteUInt16BigEndian(address[pos..], (ushort)value);
            pos += 2;
            if (i == text.Length)
            {
                break;
            }

            if (text[i] != ':')
            {
                return false;
            }

            i++;
            if (i < text.Length && text[i] == ':')
            {
                if (gap >= 0)
                {
                    return false;
                }

                gap = pos;
                i++;
                if (i == text.Length)
                {
                    break;
                }
            }
            else if (i == text.Length)
            {
                return false;
            }
        }

        if (gap < 0)
        {
            return pos == 16;
        }

        if (pos == 16)
        {
            return false;
        }

        // Move the groups after the gap to the end, zeros in between.
        int tail = pos - gap;
        address.Slice(gap, tail).CopyTo(address[(16 - tail)..]);
        address[gap..(16 - tail)].Clear();
        return true;
    }

    public static void Format(ReadOnlySpan<byte> value, StringBuilder sb)
    {
        Span<ushort> words = stackalloc ushort[8];
        for (int w = 0; w < 8; w++)
        {
            words[w] = BinaryPrimitives.ReadUInt16BigEndian(value[(w * 2)..]);
        }

        int bestStart = -1, bestLength = 0;
        for (int w = 0; w < 8;)
        {
            if (words[w] != 0)
            {
                w++;
                continue;
            }

            int start = w;
            while (w < 8 && words[w] == 0)
            {
                w++;
            }

            if (w - start > bestLength)
            {
                bestStart = start;
                bestLength = w - start;
            }
        }

        if (bestLength < 2)
        {
            bestStart = -1;
        }

        for (int w = 0; w < 8; w++)
        {
            if (w == bestStart)
            {
                sb.Append(w == 0 ? "::" : ":");
                w += bestLength - 1;
                continue;
            }

            if (w == 6 && bestStart == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xFFFF)))
            {
                Ipv4Field.Format(value[12..], sb);
                return;
            }

            sb.Append(words[w].ToString("x"));
            if (w < 7)
            {
                sb.Append(':');
            }
        }
    }
}
