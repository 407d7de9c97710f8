using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>IPv4 addresses as a dotted quad: four decimal parts, no leading zeros (as inet_pton and BIND).</summary>
internal static class Ipv4Field
{
    public static void Parse(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output)
    {
        var token = tokens.Next(field);
        if (!TryParse(token, output.Reserve(4)))
        {
            throw layout.Error(field, $"'{token}' is not a dotted-quad IPv4 address");
        }
    }

    public static bool TryParse(ReadOnlySpan<char> text, Span<byte> address)
    {
        int part = 0;
        int value = -1;
        foreach (char c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (value == 0)
                {
                    return false;
                }

                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255)
                {
                    return false;
                }
            }
            else if (c == '.' && value >= 0 && part < 3)
            {
                address[part++] = (byte)value;
                value = -1;
            }
            else
            {
                return false;
            }
        }

        if (value < 0 || part != 3)
        {
            return false;
        }

        address[3] = (byte)value;
        return true;
    }

    public static void Format(ReadOnlySpan<byte> value, StringBuilder sb) =>
        sb.Append(value[0]).Append('.').Append(value[1]).Append('.').Append(value[2]).Append('.').Append(value[3]);
}
