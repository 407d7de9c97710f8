using Zonal.Dns;

namespace Zonal.Nameserver;

/// <summary>
/// The zones this nameserver holds. Finding the zone of a query name probes each suffix of the name,
/// longest first, against a dictionary keyed by lowered wire form: no allocation per query. Adding or
/// removing a zone replaces the dictionary (copy on write), which is rare next to lookups.
/// </summary>
public sealed class ZoneStore
{
    private readonly Lock _writeLock = new();
    private Dictionary<byte[], ZoneSlot> _zones = new(NameKey.Instance);

    public int Count => Volatile.Read(ref _zones).Count;

    public IReadOnlyCollection<ZoneSlot> Zones => Volatile.Read(ref _zones).Values;

    /// <summary>The slot for <paramref name="origin"/>, created empty when the zone is new here.</summary>
    public ZoneSlot GetOrAdd(DnsName origin)
    {
        lock (_writeLock)
        {
            var key = NameKey.Of(origin);
            if (_zones.TryGetValue(key, out var slot))
            {
                return slot;
            }

            slot = new ZoneSlot(origin);
            var next = new Dictionary<byte[], ZoneSlot>(_zones, NameKey.Instance) { [key] = slot };
            Volatile.Write(ref _zones, next);
            return slot;
        }
    }

    public bool Remove(DnsName origin)
    {
        lock (_writeLock)
        {
            var next = new Dictionary<byte[], ZoneSlot>(_zones, NameKey.Instance);
            if (!next.Remove(NameKey.Of(origin)))
            {
                return false;
            }

            Volatile.Write(ref _zones, next);
            return true;
        }
    }

    public ZoneSlot? Get(DnsName origin)
    {
        Span<byte> key = stackalloc byte[DnsName.MaxLength];
        int length = NameKey.Write(origin, key);
        return Volatile.Read(ref _zones).GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(key[..length], out var slot) ? slot : null;
    }

    /// <summary>The closest enclosing zone of <paramref name="name"/> (the one with the longest matching origin), or null.</summary>
    public ZoneSlot? FindZoneOf(DnsName name)
    {
        var zones = Volatile.Read(ref _zones);
        if (zones.Count == 0)
        {
            return null;
        }

        Span<byte> key = stackalloc byte[DnsName.MaxLength];
        Span<int> starts = stackalloc int[128];
        int length = NameKey.Write(name, key);
        int labels = NameKey.LabelStarts(key, starts);
        var lookup = zones.GetAlternateLookup<ReadOnlySpan<byte>>();
        for (int i = 0; i <= labels; i++)
        {
            if (lookup.TryGetValue(key[starts[i]..length], out var slot))
            {
                return slot;
            }
        }

        return null;
    }
}
