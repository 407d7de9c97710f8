namespace Zonal.Dns.ZoneFiles;

/// <summary>
/// The host name syntax BIND's check-names applies (RFC 952 as relaxed by RFC 1123 §2.1): labels of
/// letters, digits and hyphens, not starting or ending with a hyphen.
/// </summary>
public static class HostnameRules
{
    /// <summary>True for a host name; with <paramref name="allowWildcard"/> a leading <c>*</c> label is allowed too.</summary>
    public static bool IsHostname(DnsName name, bool allowWildcard)
    {
        var wire = name.Wire;
        int pos = 0;
        bool first = true;
        while (wire[pos] != 0)
        {
            var label = wire.Slice(pos + 1, wire[pos]);
            pos += label.Length + 1;
            if (first && allowWildcard && label is [(byte)'*'])
            {
                first = false;
                continue;
            }

            first = false;
            if (label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (byte b in label)
            {
                if (!char.IsAsciiLetterOrDigit((char)b) && b != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>True when a <c>*</c> label sits anywhere but leftmost, where it is no wildcard (RFC 4592 §2.1.1).</summary>
    public static bool HasInnerWildcard(DnsName name)
    {
        var wire = name.Wire;
        int pos = wire[0] + 1;
        while (wire[pos] != 0)
        {
            if (wire[pos] == 1 && wire[pos + 1] == '*')
            {
                return true;
            }

            pos += wire[pos] + 1;
        }

        return false;
    }
}
