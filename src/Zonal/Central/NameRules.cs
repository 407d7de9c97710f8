using System.Text.RegularExpressions;
using Zonal.Dns;
using Zonal.Domain;

namespace Zonal.Central;

/// <summary>
/// Designate's name formats: zone names are FQDNs of letters, digits, '_' and '-' (no label starting
/// or ending with '-'); record set names may also start with a '*' label. Length limits come from DnsName.
/// </summary>
public static partial class NameRules
{
    [GeneratedRegex(@"^(?:(?!-)[A-Za-z0-9_-]{1,63}(?<!-)\.)+$")]
    private static partial Regex FqdnPattern();

    [GeneratedRegex(@"^(?:\*\.)?(?:(?!-)[A-Za-z0-9_-]{1,63}(?<!-)\.)*$")]
    private static partial Regex RecordSetNamePattern();

    /// <summary>True for a name such as <c>example.org.</c>: absolute, well-formed labels, at most 255 octets.</summary>
    public static bool IsFqdn(string name) =>
        name.Length <= DnsName.MaxLength && FqdnPattern().IsMatch(name) && DnsName.TryParse(name, null, out _, out _);

    /// <summary>Parses a zone name from a request, or throws the error Designate returns.</summary>
    public static DnsName ParseZoneName(string name, int maxLength)
    {
        if (name.Length > maxLength)
        {
            throw new ServiceError(400, "invalid_zone_name", "Name too long");
        }

        if (!IsFqdn(name))
        {
            throw ServiceError.Schema(new FieldError(["name"], $"'{name}' is not a 'domainname'", "format", "domainname"));
        }

        var parsed = DnsName.Parse(name);
        if (parsed.LabelCount < 2)
        {
            throw new ServiceError(400, "invalid_zone_name", "More than one label is required");
        }

        return parsed;
    }

    /// <summary>Parses a record set name, allowing a leading wildcard label.</summary>
    public static DnsName ParseRecordSetName(string name, int maxLength)
    {
        if (name.Length > maxLength)
        {
            throw new ServiceError(400, "invalid_recordset_name", "Name too long");
        }

        if (name.Length == 0 || name == "." || !RecordSetNamePattern().IsMatch(name)
            || !DnsName.TryParse(name, null, out var parsed, out _))
        {
            throw ServiceError.Schema(new FieldError(["name"], $"'{name}' is not a 'hostname'", "format", "hostname"));
        }

        return parsed;
    }

    /// <summary>
    /// An email turned into the SOA RNAME form must be a zone name: exactly one '@', no characters a
    /// DNS label cannot hold.
    /// </summary>
    public static void CheckEmail(string email, int maxLength = 255)
    {
        var at = email.IndexOf('@');
        if (email.Length > maxLength || at <= 0 || at != email.LastIndexOf('@') || !IsFqdn(email.Replace('@', '.') + "."))
        {
            throw ServiceError.Schema(new FieldError(["email"], $"'{email}' is not a 'email'", "format", "email"));
        }
    }

    /// <summary>The SOA RNAME of an email: '@' becomes a label separator, dots before it are escaped.</summary>
    public static string EmailToRname(string email)
    {
        var at = email.IndexOf('@');
        return email[..at].Replace(".", "\\.") + "." + email[(at + 1)..] + ".";
    }
}
