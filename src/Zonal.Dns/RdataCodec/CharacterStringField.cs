using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>
/// &lt;character-string&gt;s (RFC 1035 §3.3): text with <c>\X</c> and <c>\DDD</c> escapes, quoted or not,
/// at most 255 octets each; output is always quoted, escaping as BIND does.
/// </summary>
internal static class CharacterStringField
{
    public const int MaxLength = 255;

    public static void Parse(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output)
    {
        var token = tokens.NextAny(field, out _);
        int lengthAt = output.Length;
        output.WriteByte(0);
        int length = Unescape(layout, field, token, ref output);
        if (length > MaxLength)
        {
            throw layout.Error(field, $"string of {length} octets is longer than {MaxLength}; split it into several quoted strings");
        }

        output.Patch(lengthAt, (byte)length);
    }

    /// <summary>One or more strings, every token to the end.</summary>
    public static void ParseAll(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output)
    {
        do
        {
            Parse(layout, field, ref tokens, ref output);
        }
        while (!tokens.AtEnd);
    }

    /// <summary>Writes the octets that <paramref name="text"/> stands for; returns how many.</summary>
    public static int Unescape(RdataLayout layout, Field field, ReadOnlySpan<char> text, ref RdataBuffer output)
    {
        int start = output.Length;
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= text.Length)
                {
                    throw layout.Error(field, $"'{text}' ends with a lone backslash");
                }

                if (char.IsAsciiDigit(text[i + 1]))
                {
                    if (i + 3 >= text.Length || !char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3]))
                    {
                        throw layout.Error(field, $"'{text}' has an escape that is not \\DDD with three digits");
                    }

                    int value = ((text[i + 1] - '0') * 100) + ((text[i + 2] - '0') * 10) + (text[i + 3] - '0');
                    if (value > 255)
                    {
                        throw layout.Error(field, $"'{text}' has the escape \\{text.Slice(i + 1, 3)}, over 255");
                    }

                    output.WriteByte((byte)value);
                    i += 3;
                    continue;
                }

                c = text[++i];
            }

            if (c > 0x7F)
            {
                // Text beyond ASCII is kept as its UTF-8 octets, as BIND reads a UTF-8 zone file.
                int count = Encoding.UTF8.GetBytes(text.Slice(i, char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1), utf8);
                output.Write(utf8[..count]);
                i += count == 4 ? 1 : 0;
                continue;
            }

            output.WriteByte((byte)c);
        }

        return output.Length - start;
    }

    /// <summary>End of the length-prefixed string at <paramref name="offset"/>.</summary>
    public static int Measure(RdataLayout layout, Field field, ReadOnlySpan<byte> data, int offset)
    {
        if (offset >= data.Length)
        {
            throw new DnsFormatException($"{layout.TypeName} RDATA ends before the {field.Label}");
        }

        int end = offset + 1 + data[offset];
        if (end > data.Length)
        {
            throw layout.Error(field, $"string of {data[offset]} octets runs past the end of the RDATA");
        }

        return end;
    }

    /// <summary>End of one or more strings, which must fill the RDATA exactly.</summary>
    public static int MeasureAll(RdataLayout layout, Field field, ReadOnlySpan<byte> data, int offset)
    {
        do
        {
            offset = Measure(layout, field, data, offset);
        }
        while (offset < data.Length);
        return offset;
    }

    /// <summary>Writes one string (its length octet first) or a run of them, quoted and space-separated.</summary>
    public static void Format(ReadOnlySpan<byte> value, StringBuilder sb)
    {
        int pos = 0;
        while (pos < value.Length)
        {
            if (pos > 0)
            {
                sb.Append(' ');
            }

            int length = value[pos];
            AppendQuoted(value.Slice(pos + 1, length), sb);
            pos += length + 1;
        }
    }

    public static void AppendQuoted(ReadOnlySpan<byte> text, StringBuilder sb)
    {
        sb.Append('"');
        foreach (byte b in text)
        {
            if (b is < 0x20 or >= 0x7F)
            {
                sb.Append('\\').Append((char)('0' + (b / 100))).Append((char)('0' + (b / 10 % 10))).Append((char)('0' + (b % 10)));
            }
            else
            {
                if (b is (byte)'"' or (byte)'\\')
                {
                    sb.Append('\\');
                }

                sb.Append((char)b);
            }
        }

        sb.Append('"');
    }
}
