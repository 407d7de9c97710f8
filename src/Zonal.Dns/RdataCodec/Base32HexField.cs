using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>
/// The NSEC3 next hashed owner name (RFC 5155 §3.3): a length octet then the hash, written as one token of
/// base32hex without padding (RFC 4648 §7). Unused trailing bits must be zero, as BIND requires.
/// </summary>
internal static class Base32HexField
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

    public static void Parse(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output)
    {
        var token = tokens.Next(field);
        int octets = token.Length * 5 / 8;

        // Lengths that leave 5 or more unused bits cannot come from whole octets.
        if (token.Length % 8 is 1 or 3 or 6 || octets is 0 or > byte.MaxValue)
        {
            throw layout.Error(field, $"'{token}' is not base32hex of 1 to {byte.MaxValue} octets");
        }

        output.WriteByte((byte)octets);
        var slot = output.Reserve(octets);
        int bits = 0, buffer = 0, written = 0;
        foreach (char c in token)
        {
            int value = DigitValue(c);
            if (value < 0)
            {
                throw layout.Error(field, $"'{token}' holds '{c}', which is not a base32hex digit (0-9, A-V)");
            }

            buffer = ((buffer << 5) | value) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                slot[written++] = (byte)(buffer >> bits);
            }
        }

        if ((buffer & ((1 << bits) - 1)) != 0)
        {
            throw layout.Error(field, $"'{token}' has non-zero bits after its last octet");
        }
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'V' => c - 'A' + 10,
        >= 'a' and <= 'v' => c - 'a' + 10,
        _ => -1,
    };

    /// <summary>End of the length-prefixed hash at <paramref name="offset"/>, which must not be empty.</summary>
    public static int Measure(RdataLayout layout, Field field, ReadOnlySpan<byte> data, int offset)
    {
        int end = CharacterStringField.Measure(layout, field, data, offset);
        if (end == offset + 1)
        {
            throw layout.Error(field, "is empty");
        }

        return end;
    }

    /// <summary>Value is the length octet and the hash; output is upper case.</summary>
    public static void Format(ReadOnlySpan<byte> value, StringBuilder sb)
    {
        int bits = 0, buffer = 0;
        foreach (byte b in value[1..])
        {
            buffer = ((buffer << 8) | b) & 0xFFFF;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                sb.Append(Alphabet[(buffer >> bits) & 31]);
            }
        }

        if (bits > 0)
        {
            sb.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }
    }
}
