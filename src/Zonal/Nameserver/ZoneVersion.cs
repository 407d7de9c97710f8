using System.Collections;
using Zonal.Dns;
using Zonal.DnsClient;

namespace Zonal.Nameserver;

/// <summary>
/// One immutable version of a zone: nodes keyed by lowered wire name, every empty non-terminal included.
/// Versions are never changed: a transfer makes a new one (a whole one from an AXFR, or one that shares
/// every untouched node with its predecessor from an IXFR, see <see cref="ZoneEditor"/>), so a query sees
/// either the old zone or the new one.
/// </summary>
public sealed class ZoneVersion
{
    private readonly NodeMap _nodes;

    internal ZoneVersion(DnsName origin, DnsRecord soa, NodeMap nodes, int recordCount)
    {
        Origin = origin;
        Soa = soa;
        _nodes = nodes;
        RecordCount = recordCount;
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

    /// <summary>Every record, each once, the SOA first; walked from the nodes on demand, not kept as a list.</summary>
    public IReadOnlyCollection<DnsRecord> Records => new RecordWalk(this);

    public int RecordCount { get; }

    public int NodeCount => _nodes.Count;

    /// <summary>How many hash shards hold the nodes (about √N): an IXFR copies only the shards it touches.</summary>
    public int ShardCount => _nodes.ShardCount;

    internal NodeMap Nodes => _nodes;

    public bool TryGetNode(ReadOnlySpan<byte> loweredWire, out ZoneNode node) => _nodes.TryGet(loweredWire, out node);

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

            if (!WholeZone.BelongsBelowApex(origin, record))
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
        return new ZoneVersion(origin, soa, BuildNodes(origin, kept), kept.Count);
    }

    public static ZoneVersion Build(DnsName origin, IEnumerable<DnsRecord> records) => Build(origin, records, out _);

    private static NodeMap BuildNodes(DnsName origin, List<DnsRecord> records)
    {
        var owners = new Dictionary<byte[], Owner>(NameKey.Instance);
        foreach (var record in records)
        {
            var key = NameKey.Of(record.Name);
            if (!owners.TryGetValue(key, out var owner))
            {
                owner = new Owner(record.Name);
                owners[key] = owner;
                AddEmptyAncestors(origin, record.Name, owners);
            }

            owner.Records.Add(record);
        }

        var originKey = NameKey.Of(origin);
        var lookup = owners.GetAlternateLookup<ReadOnlySpan<byte>>();
        foreach (var key in owners.Keys)
        {
            if (!key.AsSpan().SequenceEqual(originKey))
            {
                lookup[key.AsSpan(key[0] + 1)].Children++;
            }
        }

        var nodes = new List<KeyValuePair<byte[], ZoneNode>>(owners.Count);
        foreach (var (key, owner) in owners)
        {
            var sets = owner.Records
                .GroupBy(r => r.Type)
                .OrderBy(g => (ushort)g.Key)
                .Select(g => new RRset(g.Key, [.. g]))
                .ToArray();
            nodes.Add(new(key, new ZoneNode(owner.Name, sets, key.AsSpan().SequenceEqual(originKey), owner.Children)));
        }

        return NodeMap.Create(nodes, nodes.Count);
    }

    /// <summary>Every name between a record's owner and the apex exists, with data or not.</summary>
    private static void AddEmptyAncestors(DnsName origin, DnsName name, Dictionary<byte[], Owner> owners)
    {
        var ancestor = name;
        while (ancestor.LabelCount > origin.LabelCount)
        {
            ancestor = ancestor.Parent();
            if (!owners.TryAdd(NameKey.Of(ancestor), new Owner(ancestor)))
            {
                return;
            }
        }
    }

    private sealed class Owner(DnsName name)
    {
        public DnsName Name { get; } = name;

        public List<DnsRecord> Records { get; } = [];

        public int Children { get; set; }
    }

    private sealed class RecordWalk(ZoneVersion version) : IReadOnlyCollection<DnsRecord>
    {
        public int Count => version.RecordCount;

        public IEnumerator<DnsRecord> GetEnumerator()
        {
            yield return version.Soa;
            foreach (var node in version._nodes.Nodes)
            {
                foreach (var set in node.Sets)
                {
                    if (set.Type == RecordType.SOA && node.IsApex)
                    {
                        continue;
                    }

                    foreach (var record in set.Records)
                    {
                        yield return record;
                    }
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
