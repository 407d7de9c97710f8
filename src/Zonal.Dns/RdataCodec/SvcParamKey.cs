using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>
/// SVCB and HTTPS parameter keys (RFC 9460 §14.3.2, RFC 9461): names are case-sensitive, any key may be
/// written <c>keyNNNNN</c> without leading zeros. Output names keys 0-6; dohpath (7) prints as key7, as BIND 9.18.
/// </summary>
internal static class SvcParamKey
{
    public const ushort Mandatory = 0, Alpn = 1, NoDefaultAlpn = 2, Port = 3, Ipv4Hint = 4, Ech = 5, Ipv6Hint = 6, DohPath = 7;

    private static readonly string[] Names = ["mandatory", "alpn", "no-default-alpn", "port", "ipv4hint", "ech", "ipv6hint", "dohpath"];

    private const int PrintedNames = 7;

    public static bool TryParse(ReadOnlySpan<char> text, out ushort key)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            if (text.SequenceEqual(Names[i]))
            {
                key = (ushort)i;
                return true;
            }
        }

        key = 0;
        var digits = text.StartsWith("key") ? text[3..] : [];
        return !digits.IsEmpty && (digits.Length == 1 || digits[0] != '0')
            && ushort.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out key);
    }

    /// <summary>True when <paramref name="text"/> was written in the generic <c>keyNNNNN</c> form.</summary>
    public static bool IsGeneric(ReadOnlySpan<char> text) => text.StartsWith("key");

    public static void Append(ushort key, StringBuilder sb)
    {
        if (key < PrintedNames)
        {
            sb.Append(Names[key]);
        }
        else
        {
            sb.Append("key").Append(key);
        }
    }
}
