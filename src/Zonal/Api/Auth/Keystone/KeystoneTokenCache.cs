using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Zonal.Configuration;

namespace Zonal.Api.Auth.Keystone;

/// <summary>
/// Valid tokens only, each for token_cache_time and never past its own expires_at, as keystonemiddleware's
/// in-process cache. Rejections are never kept: a retry with the same token asks Keystone again.
/// </summary>
public sealed class KeystoneTokenCache(IOptions<ZonalOptions> options, TimeProvider time)
{
    /// <summary>Bound on entries so a flood of distinct tokens cannot grow memory without limit.</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.KeystoneAuthToken.TokenCacheTime);

    public KeystoneToken? Get(string id)
    {
        if (!_entries.TryGetValue(id, out var entry))
        {
            return null;
        }

        if (entry.Until > time.GetUtcNow())
        {
            return entry.Token;
        }

        _entries.TryRemove(new KeyValuePair<string, Entry>(id, entry));
        return null;
    }

    public void Add(string id, KeystoneToken token)
    {
        var now = time.GetUtcNow();
        var until = now + _lifetime < token.ExpiresAt ? now + _lifetime : token.ExpiresAt;
        if (until <= now)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            RemoveExpired(now);
        }

        if (_entries.Count < MaxEntries)
        {
            _entries[id] = new Entry(token, until);
        }
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var (id, entry) in _entries)
        {
            if (entry.Until <= now)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(id, entry));
            }
        }
    }

    private sealed record Entry(KeystoneToken Token, DateTimeOffset Until);
}
