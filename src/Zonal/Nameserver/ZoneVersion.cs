using Zonal.Dns;

namespace Zonal.Nameserver;

/// <summary>
/// One immutable version of a zone, as a transfer delivered it: nodes keyed by lowered wire name, every
/// empty non-terminal included. Versions are never changed, only replaced whole, so a query sees either
/// the old zone or the new one.
/// </summary>
public sealed class ZoneVersion
{
    private readonly Dictionary<byte[], ZoneNode> _nodes;
    private readonly Dictionary<byte[], ZoneNode>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    private ZoneVersion(DnsName origin, DnsRecord soa, IReadOnlyList<DnsRecord> records, Dictionary<byte[], ZoneNode> nodes)
    {
        Origin = origin;
        Soa = soa;
        Records = records;
        _nodes = nodes;
        _lookup = nodes.GetAlternateLookup<ReadOnlySpan<byte>>();
        var timers = SoaTimers.Read(soa);
        Timers = timers;
        Serial = timers.Serial;
        NegativeSoa = new DnsRecord(soa.Name, RecordType.SOA, soa.Class, Math.Min(soa.Ttl, timers.Minimum), soa.Data);
    }

    public DnsName Origin { get; }

    public DnsRecord Soa { get; }

    public uint Serial { get; }

    public SoaTimers Timers { get; }

    /// <summary>The SOA as a negative answer carries it: TTL = min(SOA TTL, MINIMUM) (RFC 2308 §3).</summary>
    public DnsRecord NegativeSoa { get; }

    /// <summary>Every record, each once, the SOA first.</summary>
    public IReadOnlyList<DnsRecord> Records { get; }

    public int NodeCount => _nodes.Count;

    public bool TryGetNode(ReadOnlySpan<byte> loweredWire, out ZoneNode node) => _lookup.TryGetValue(loweredWire, out node!);

    public ZoneNode? FindNode(DnsName name)
    {
        Span<byte> key = stackalloc byte[DnsName.MaxLength];
        int length = NameKey.Write(name, key);
        return TryGetNode(key[..length], out var node) ? node : null;
    }

    /// <summary>
    /// Builds a version from records. Records outside the zone, of another class than the SOA's, or
    /// a second SOA are dropped alone (counted in <paramref name="rejected"/>); no SOA at the apex is an error.
    /// </summary>
    public static ZoneVersion Build(DnsName origin, IEnumerable<DnsRecord> records, out int rejected)
    {
        rejected = 0;
        DnsRecord? soa = null;
        var unique = new HashSet<DnsRecord>(RecordIdentity.Instance);
        var kept = new List<DnsRecord>();
        foreach (var record in records)
        {
            if (record.Type == RecordType.SOA && record.Name.Equals(origin))
            {
                if (soa is null)
                {
                    soa = record;
                    continue;
                }

                rejected++;
                continue;
            }

            if (!record.Name.IsSubdomainOf(origin) || record.Type is RecordType.SOA or RecordType.OPT or RecordType.TSIG)
            {
                rejected++;
                continue;
            }

            if (unique.Add(record))
            {
                kept.Add(record);
            }
        }

        if (soa is null)
        {
            throw new ZoneDataException($"zone {origin} has no SOA record at its apex");
        }

        int otherClass = kept.RemoveAll(r => r.Class != soa.Class);
        rejected += otherClass;
        kept.Insert(0, soa);
        return new ZoneVersion(origin, soa, kept, BuildNodes(origin, kept));
    }

    public static ZoneVersion Build(DnsName origin, IEnumerable<DnsRecord> records) => Build(origin, records, out _);

    private static Dictionary<byte[], ZoneNode> BuildNodes(DnsName origin, List<DnsRecord> records)
    {
        var owners = new Dictionary<byte[], (DnsName Name, List<DnsRecord> Records)>(NameKey.Instance);
        foreach (var record in records)
        {
            var key = NameKey.Of(record.Name);
            if (!owners.TryGetValue(key, out var owner))
            {
                owner = (record.Name, []);
                owners[key] = owner;
                AddEmptyAncestors(origin, record.Name, owners);
            }

            owner.Records.Add(record);
        }

        var originKey = NameKey.Of(origin);
        var nodes = new Dictionary<byte[], ZoneNode>(owners.Count, NameKey.Instance);
        foreach (var (key, owner) in owners)
        {
            var sets = owner.Records
                .GroupBy(r => r.Type)
                .OrderBy(g => (ushort)g.Key)
                .Select(g => new RRset(g.Key, [.. g]))
                .ToArray();
            nodes[key] = new ZoneNode(owner.Name, sets, key.AsSpan().SequenceEqual(originKey));
        }

        return nodes;
    }

    /// <summary>Every name between a record's owner and the apex exists, with data or not.</summary>
    private static void AddEmptyAncestors(DnsName origin, DnsName name, Dictionary<byte[], (DnsName Name, List<DnsRecord> Records)> owners)
    {
        var ancestor = name;
        while (ancestor.LabelCount > origin.LabelCount)
        {
            ancestor = ancestor.Parent();
            var key = NameKey.Of(ancestor);
            if (!owners.TryAdd(key, (ancestor, [])))
            {
                return;
            }
        }
    }
}
