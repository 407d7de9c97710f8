using Zonal.Dns;
using Zonal.DnsClient;

namespace Zonal.Nameserver;

/// <summary>
/// Makes the next <see cref="ZoneVersion"/> from the one held by deleting and adding records (an IXFR
/// difference, RFC 1995). Only the touched names' nodes, their ancestors' child counts and the shards
/// holding them are copied; the version read by queries is never changed. Empty non-terminals appear
/// when a name below them does and go when the last name below them does.
/// </summary>
internal sealed class ZoneEditor(ZoneVersion from)
{
    private readonly DnsName _origin = from.Origin;
    private readonly NodeMap.Builder _nodes = new(from.Nodes);
    private readonly byte[] _originKey = NameKey.Of(from.Origin);
    private DnsRecord _soa = from.Soa;
    private int _records = from.RecordCount;

    public uint Serial => SoaTimers.Read(_soa).Serial;

    public ZoneVersion Build() => new(_origin, _soa, _nodes.Build(), _records);

    public void ReplaceSoa(DnsRecord soa)
    {
        var apex = _nodes.Get(_originKey)!;
        _nodes.Set(_originKey, apex.WithSets(WithRecords(apex, RecordType.SOA, [soa])));
        _soa = soa;
    }

    /// <summary>Removes the record when held (TTL aside); the SOA is replaced, never deleted.</summary>
    public void Delete(DnsRecord record)
    {
        if (record.Type == RecordType.SOA)
        {
            return;
        }

        var key = NameKey.Of(record.Name);
        if (_nodes.Get(key) is not { } node || node.Find(record.Type) is not { } set || IndexOf(set, record) is not (>= 0 and var index))
        {
            return;
        }

        DnsRecord[] rest = [.. set.Records[..index], .. set.Records[(index + 1)..]];
        var changed = node.WithSets(WithRecords(node, record.Type, rest));
        _records--;
        if (changed.IsEmptyNonTerminal && changed.Children == 0 && !changed.IsApex)
        {
            RemoveNode(key);
        }
        else
        {
            _nodes.Set(key, changed);
        }
    }

    /// <summary>Adds the record, or gives a held one its new TTL; records the zone may not hold are dropped.</summary>
    public void Add(DnsRecord record)
    {
        if (!WholeZone.BelongsBelowApex(_origin, record) || record.Class != _soa.Class)
        {
            return;
        }

        var key = NameKey.Of(record.Name);
        var node = _nodes.Get(key) ?? AddNode(key, record.Name);
        DnsRecord[] records;
        if (node.Find(record.Type) is not { } set)
        {
            records = [record];
            _records++;
        }
        else if (IndexOf(set, record) is >= 0 and var index)
        {
            records = [.. set.Records];
            records[index] = record;
        }
        else
        {
            records = [.. set.Records, record];
            _records++;
        }

        _nodes.Set(key, node.WithSets(WithRecords(node, record.Type, records)));
    }

    private static int IndexOf(RRset set, DnsRecord record) =>
        Array.FindIndex(set.Records, held => RecordIdentity.Instance.Equals(held, record));

    /// <summary>The node's RRsets with the one of <paramref name="type"/> replaced (added in type order; gone when empty).</summary>
    private static RRset[] WithRecords(ZoneNode node, RecordType type, DnsRecord[] records)
    {
        var sets = new List<RRset>(node.Sets.Count + 1);
        bool placed = records.Length == 0;
        foreach (var set in node.Sets)
        {
            if (!placed && (ushort)set.Type >= (ushort)type)
            {
                sets.Add(new RRset(type, records));
                placed = true;
            }

            if (set.Type != type)
            {
                sets.Add(set);
            }
        }

        if (!placed)
        {
            sets.Add(new RRset(type, records));
        }

        return [.. sets];
    }

    /// <summary>A new empty node below the apex, with its missing ancestors as empty non-terminals.</summary>
    private ZoneNode AddNode(byte[] key, DnsName name)
    {
        var node = new ZoneNode(name, [], isApex: false, children: 0);
        _nodes.Set(key, node);
        var parentKey = key[(key[0] + 1)..];
        var parent = _nodes.Get(parentKey) ?? AddNode(parentKey, name.Parent());
        _nodes.Set(parentKey, parent.WithChildren(parent.Children + 1));
        return node;
    }

    /// <summary>Removes a node without data or children, then each ancestor left the same way.</summary>
    private void RemoveNode(byte[] key)
    {
        _nodes.Remove(key);
        var parentKey = key[(key[0] + 1)..];
        var parent = _nodes.Get(parentKey)!;
        parent = parent.WithChildren(parent.Children - 1);
        if (parent.IsEmptyNonTerminal && parent.Children == 0 && !parent.IsApex)
        {
            RemoveNode(parentKey);
        }
        else
        {
            _nodes.Set(parentKey, parent);
        }
    }
}
