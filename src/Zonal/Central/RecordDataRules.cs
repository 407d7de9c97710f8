using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Zonal.Central;

/// <summary>
/// The RDATA formats Designate's API accepts, which are stricter than zone-file syntax in places
/// (canonical integers, unquoted CAA values, TXT quoting). Returns why data is rejected, or null.
/// </summary>
public static class RecordDataRules
{
    public static readonly IReadOnlySet<string> SupportedTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "A", "AAAA", "CNAME", "MX", "SRV", "TXT", "SPF", "NS", "PTR", "SSHFP", "SOA", "NAPTR", "CAA", "CERT", "HTTPS", "SVCB", "TLSA",
    };

    public static string? Check(string type, string data)
    {
        if (data.Contains('\n') || data.Contains('\r'))
        {
            return "record data must be on one line";
        }

        var tokens = data.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return type switch
        {
            "A" => IsAddress(data, AddressFamily.InterNetwork) && data.Count(c => c == '.') == 3 ? null : "not an IPv4 address",
            "AAAA" => data.Contains(':') && IsAddress(data, AddressFamily.InterNetworkV6) ? null : "not an IPv6 address",
            "CNAME" or "NS" or "PTR" => NameRules.IsFqdn(data) ? null : "not a fully qualified domain name",
            "MX" => tokens.Length == 2 && IsUInt16(tokens[0]) && tokens[1].EndsWith('.') ? null : "expected 'priority exchange.'",
            "SRV" => tokens.Length == 4 && tokens[..3].All(IsUInt16) && (NameRules.IsFqdn(tokens[3]) || tokens[3] == ".")
                ? null : "expected 'priority weight port target.'",
            "TXT" => CheckCharacterStrings(data, 255),
            "SPF" => CheckCharacterStrings(data, int.MaxValue),
            "SSHFP" => tokens.Length == 3 && IsInt(tokens[0], 0, 4) && IsInt(tokens[1], 0, 2) && IsFingerprint(tokens[2])
                ? null : "expected 'algorithm fptype fingerprint'",
            "NAPTR" => tokens.Length == 6 && IsUInt16(tokens[0]) && IsUInt16(tokens[1]) && (NameRules.IsFqdn(tokens[5]) || tokens[5] == ".")
                ? null : "expected 'order preference flags service regexp replacement'",
            "CAA" => CheckCaa(tokens),
            "CERT" => tokens.Length >= 4 && IsInt(tokens[1], 0, 65535) ? null : "expected 'type keytag algorithm certificate'",
            "SVCB" or "HTTPS" => tokens.Length >= 2 && IsUInt16(tokens[0]) && NameRules.IsFqdn(tokens[1]) ? null : "expected 'priority target. [key=value ...]'",
            "TLSA" => tokens.Length >= 4 && tokens[..3].All(t => IsInt(t, 0, 255)) ? null : "expected 'usage selector mtype data'",
            _ => "type is not supported",
        };
    }

    private static bool IsAddress(string text, AddressFamily family) =>
        IPAddress.TryParse(text, out var address) && address.AddressFamily == family;

    /// <summary>Canonical decimal only: no sign, no leading zeros, as Designate's schema requires.</summary>
    private static bool IsInt(string text, int min, int max) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && (text == "0" || text[0] != '0')
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max;

    private static bool IsUInt16(string text) => IsInt(text, 0, 65535);

    private static bool IsFingerprint(string text) =>
        text.All(char.IsAsciiHexDigit) && (text.Length is >= 10 and <= 40 || text.Length == 64);

    private static string? CheckCaa(string[] tokens)
    {
        if (tokens.Length < 3 || !IsInt(tokens[0], 0, 1))
        {
            return "expected 'flags tag value' with flags 0 or 1";
        }

        var value = string.Join(' ', tokens[2..]);
        if (value.Contains('"'))
        {
            return "the CAA value must not be quoted";
        }

        return tokens[1] switch
        {
            "issue" or "issuewild" => value.Split(';')[0].Trim().Length > 0 && NameRules.IsFqdn(value.Split(';')[0].Trim().TrimEnd('.') + ".")
                ? null : "issue and issuewild need an issuer domain",
            "iodef" => IsIodef(value) ? null : "iodef needs a mailto: or http(s):// URL",
            _ => "the CAA tag must be issue, issuewild or iodef",
        };
    }

    private static bool IsIodef(string value)
    {
        if (value.StartsWith("mailto:", StringComparison.Ordinal))
        {
            var address = value["mailto:".Length..];
            var at = address.IndexOf('@');
            return at > 0 && NameRules.IsFqdn(address[(at + 1)..] + ".");
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https")
            && value.IndexOf('/', value.IndexOf("//", StringComparison.Ordinal) + 2) > 0;
    }

    /// <summary>
    /// TXT and SPF: one unquoted string without spaces, or quoted strings separated by <c>" "</c> with
    /// inner quotes escaped; each string at most <paramref name="maxLength"/> characters.
    /// </summary>
    private static string? CheckCharacterStrings(string data, int maxLength)
    {
        if (data.EndsWith('\\') && !data.EndsWith("\\\\", StringComparison.Ordinal))
        {
            return "must not end with a backslash";
        }

        bool opens = data.StartsWith('"');
        bool closes = data.Length > 1 && data.EndsWith('"') && !data.EndsWith("\\\"", StringComparison.Ordinal);
        if (opens != closes)
        {
            return "quotes must enclose the whole string";
        }

        if (!opens)
        {
            if (data.Any(char.IsWhiteSpace))
            {
                return "text with spaces must be quoted";
            }

            return HasBareQuote(data) ? "quotes inside the text must be escaped" : data.Length > maxLength ? $"a string is longer than {maxLength} characters" : null;
        }

        foreach (var part in data[1..^1].Split("\" \""))
        {
            if (HasBareQuote(part))
            {
                return "quotes inside the text must be escaped";
            }

            if (part.Length > maxLength)
            {
                return $"a string is longer than {maxLength} characters; split it into several quoted strings";
            }
        }

        return null;
    }

    private static bool HasBareQuote(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return true;
            }
        }

        return false;
    }
}
