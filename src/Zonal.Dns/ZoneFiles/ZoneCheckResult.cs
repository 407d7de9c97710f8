using System.Globalization;
using System.Text;

namespace Zonal.Dns.ZoneFiles;

/// <summary>What <see cref="ZoneChecker"/> found: the findings in file order, and counts of what was kept.</summary>
public sealed record ZoneCheckResult(
    DnsName Origin, int Records, int Owners, IReadOnlyDictionary<RecordType, int> Types, IReadOnlyList<ZoneError> Findings)
{
    public bool HasErrors => Findings.Any(f => !f.IsWarning);

    /// <summary>One line, such as <c>example.org.: 12 records, 5 owners; A 4, MX 2, NS 2, SOA 1</c>.</summary>
    public string Summary()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Origin}: {Records} records, {Owners} owners");
        string separator = "; ";
        foreach (var (type, count) in Types.OrderBy(t => RecordTypeNames.ToText(t.Key), StringComparer.Ordinal))
        {
            sb.Append(separator).Append(RecordTypeNames.ToText(type)).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture));
            separator = ", ";
        }

        return sb.ToString();
    }
}
