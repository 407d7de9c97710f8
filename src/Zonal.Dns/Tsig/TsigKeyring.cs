namespace Zonal.Dns.Tsig;

/// <summary>The keys a server or client knows, found by key name (case-insensitive, as DNS names compare).</summary>
public sealed class TsigKeyring
{
    private readonly Dictionary<DnsName, TsigKey> _keys = [];

    public TsigKeyring()
    {
    }

    public TsigKeyring(IEnumerable<TsigKey> keys)
    {
        foreach (var key in keys)
        {
            Add(key);
        }
    }

    public int Count => _keys.Count;

    public IEnumerable<TsigKey> Keys => _keys.Values;

    /// <summary>Adds a key; a second key with the same name is an error, since TSIG names the key alone.</summary>
    public void Add(TsigKey key)
    {
        if (!_keys.TryAdd(key.Name, key))
        {
            throw new ArgumentException($"TSIG key {key.Name} is already in the keyring", nameof(key));
        }
    }

    public bool TryGet(DnsName name, out TsigKey key) => _keys.TryGetValue(name, out key!);
}
