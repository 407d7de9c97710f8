using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>
/// The NSEC3 and NSEC3PARAM salt (RFC 5155 §3.3): a length octet then the salt, written as one token of
/// hexadecimal, or '-' when the salt is empty.
/// </summary>
internal static class SaltField
{
    public static void Parse(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output)
    {
        var token = tokens.Next(field);
        if (token is "-")
        {
            output.WriteByte(0);
            return;
        }

        if (token.Length % 2 != 0 || token.Length / 2 > byte.MaxValue)
        {
            throw layout.Error(field, $"'{token}' must be '-' or an even number of hex digits for at most {byte.MaxValue} octets");
        }

        output.WriteByte((byte)(token.Length / 2));
        var slot = output.Reserve(token.Length / 2);
        for (int i = 0; i < slot.Length; i++)
        {
            int high = HexField.DigitValue(token[2 * i]), low = HexField.DigitValue(token[(2 * i) + 1]);
            if (high < 0 || low < 0)
            {
                throw layout.Error(field, $"'{token}' is not hexadecimal");
            }

            slot[i] = (byte)((high << 4) | low);
        }
    }

    /// <summary>Value is the length octet and the salt.</summary>
    public static void Format(ReadOnlySpan<byte> value, StringBuilder sb)
    {
        if (value.Length == 1)
        {
            sb.Append('-');
            return;
        }

        foreach (byte b in value[1..])
        {
            sb.Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
