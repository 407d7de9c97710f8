using System.Numerics;

namespace Zonal.Nameserver;

/// <summary>
/// A zone's nodes keyed by lowered wire name, split into shards by hash. A map is never changed once
/// published: <see cref="Builder"/> makes the next map by copying the shard array and only the shards a
/// change touches, so an IXFR costs about √N copied entries, not N, while readers of the old map go on
/// undisturbed. Lookups probe with a span and allocate nothing.
/// </summary>
internal sealed class NodeMap
{
    private readonly Dictionary<byte[], ZoneNode>[] _shards;

    private NodeMap(Dictionary<byte[], ZoneNode>[] shards, int count)
    {
        _shards = shards;
        Count = count;
    }

    public int Count { get; }

    public int ShardCount => _shards.Length;

    public IEnumerable<ZoneNode> Nodes => _shards.SelectMany(shard => shard.Values);

    /// <summary>A map of <paramref name="nodes"/> with about √N shards (a power of two), each about √N nodes.</summary>
    public static NodeMap Create(IEnumerable<KeyValuePair<byte[], ZoneNode>> nodes, int count)
    {
        int shardCount = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, (int)Math.Sqrt(count)));
        var shards = new Dictionary<byte[], ZoneNode>[shardCount];
        for (int i = 0; i < shards.Length; i++)
        {
            shards[i] = new Dictionary<byte[], ZoneNode>(NameKey.Instance);
        }

        foreach (var (key, node) in nodes)
        {
            shards[ShardOf(key, shardCount)][key] = node;
        }

        return new NodeMap(shards, count);
    }

    public bool TryGet(ReadOnlySpan<byte> loweredWire, out ZoneNode node) =>
        _shards[ShardOf(loweredWire, _shards.Length)].GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(loweredWire, out node!);

    private static int ShardOf(ReadOnlySpan<byte> key, int shardCount) =>
        (int)((uint)NameKey.Instance.GetHashCode(key) * 0x9E3779B9u >> 16) & (shardCount - 1);

    /// <summary>The next map, made from this one by a few sets and removes; this one stays as it was.</summary>
    public sealed class Builder(NodeMap from)
    {
        private readonly Dictionary<byte[], ZoneNode>[] _shards = (Dictionary<byte[], ZoneNode>[])from._shards.Clone();
        private readonly bool[] _copied = new bool[from._shards.Length];
        private int _count = from.Count;

        public ZoneNode? Get(byte[] key) => _shards[ShardOf(key, _shards.Length)].GetValueOrDefault(key);

        public void Set(byte[] key, ZoneNode node)
        {
            var shard = Writable(key);
            if (!shard.ContainsKey(key))
            {
                _count++;
            }

            shard[key] = node;
        }

        public void Remove(byte[] key)
        {
            if (Writable(key).Remove(key))
            {
                _count--;
            }
        }

        /// <summary>
        /// The new map. A zone that has grown to four times the nodes its shards were sized for (one created
        /// empty and filled by IXFRs) is re-sharded, an O(N) step that each quadrupling pays once.
        /// </summary>
        public NodeMap Build() =>
            _count > 4L * _shards.Length * _shards.Length
                ? Create(_shards.SelectMany(shard => shard), _count)
                : new NodeMap(_shards, _count);

        private Dictionary<byte[], ZoneNode> Writable(byte[] key)
        {
            int index = ShardOf(key, _shards.Length);
            if (!_copied[index])
            {
                _shards[index] = new Dictionary<byte[], ZoneNode>(_shards[index], NameKey.Instance);
                _copied[index] = true;
            }

            return _shards[index];
        }
    }
}
