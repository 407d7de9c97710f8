using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>
/// The CAA property (RFC 8659 §4.1): a tag of ASCII letters and digits, at least one, then a value that
/// runs to the end of the RDATA and is written as one quoted string (it may be longer than 255 octets).
/// </summary>
internal static class CaaField
{
    public static void ParseTag(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output)
    {
        var token = tokens.Next(field);
        if (token.Length is 0 or > byte.MaxValue)
        {
            throw layout.Error(field, $"'{token}' must be 1 to {byte.MaxValue} characters");
        }

        foreach (char c in token)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                throw layout.Error(field, $"'{token}' may hold only the letters a-z, A-Z and digits 0-9");
            }
        }

        output.WriteByte((byte)token.Length);
        foreach (char c in token)
        {
            output.WriteByte((byte)c);
        }
    }

    public static void ParseValue(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output)
    {
        var token = tokens.NextAny(field, out _);
        CharacterStringField.Unescape(layout, field, token, ref output);
    }

    public static int MeasureTag(RdataLayout layout, Field field, ReadOnlySpan<byte> data, int offset)
    {
        int end = CharacterStringField.Measure(layout, field, data, offset);
        var tag = data[(offset + 1)..end];
        if (tag.IsEmpty)
        {
            throw layout.Error(field, "is empty; it must be at least one character");
        }

        foreach (byte b in tag)
        {
            if (!char.IsAsciiLetterOrDigit((char)b))
            {
                throw layout.Error(field, $"holds the octet {b}; only letters and digits are allowed");
            }
        }

        return end;
    }

    public static void FormatTag(ReadOnlySpan<byte> value, StringBuilder sb)
    {
        foreach (byte b in value[1..])
        {
            sb.Append((char)b);
        }
    }
}
