using Zonal.Dns;

namespace Zonal.Nameserver;

/// <summary>
/// One owner name of a zone and its RRsets. A node without RRsets is an empty non-terminal: it exists
/// because names below it do (RFC 4592 §2.2.2), so it blocks wildcards and answers NODATA, not NXDOMAIN.
/// </summary>
public sealed class ZoneNode
{
    internal ZoneNode(DnsName name, RRset[] sets, bool isApex)
    {
        Name = name;
        Sets = sets;
        IsDelegation = !isApex && Find(RecordType.NS) is not null;
    }

    public DnsName Name { get; }

    /// <summary>RRsets in type order; a handful per node, so a linear search beats a dictionary.</summary>
    public IReadOnlyList<RRset> Sets { get; }

    public bool IsEmptyNonTerminal => Sets.Count == 0;

    /// <summary>NS records below the apex: a zone cut, where this zone's authority ends.</summary>
    public bool IsDelegation { get; }

    public RRset? Find(RecordType type)
    {
        foreach (var set in Sets)
        {
            if (set.Type == type)
            {
                return set;
            }
        }

        return null;
    }
}

/// <summary>The records of one owner name and type.</summary>
public sealed record RRset(RecordType Type, DnsRecord[] Records);
