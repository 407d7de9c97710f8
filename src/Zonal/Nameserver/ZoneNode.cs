using Zonal.Dns;

namespace Zonal.Nameserver;

/// <summary>
/// One owner name of a zone and its RRsets. A node without RRsets is an empty non-terminal: it exists
/// because names below it do (RFC 4592 §2.2.2), so it blocks wildcards and answers NODATA, not NXDOMAIN.
/// </summary>
public sealed class ZoneNode
{
    private readonly RRset[] _sets;

    internal ZoneNode(DnsName name, RRset[] sets, bool isApex, int children)
    {
        Name = name;
        _sets = sets;
        IsApex = isApex;
        Children = children;
        IsDelegation = !isApex && Find(RecordType.NS) is not null;
    }

    public DnsName Name { get; }

    /// <summary>RRsets in type order; a handful per node, so a linear search beats a dictionary.</summary>
    public IReadOnlyList<RRset> Sets => _sets;

    public bool IsEmptyNonTerminal => _sets.Length == 0;

    public bool IsApex { get; }

    /// <summary>How many nodes lie one label below this one; an empty non-terminal without children goes away.</summary>
    internal int Children { get; }

    /// <summary>NS records below the apex: a zone cut, where this zone's authority ends.</summary>
    public bool IsDelegation { get; }

    internal ZoneNode WithSets(RRset[] sets) => new(Name, sets, IsApex, Children);

    internal ZoneNode WithChildren(int children) => new(Name, _sets, IsApex, children);

    public RRset? Find(RecordType type)
    {
        foreach (var set in _sets)
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
