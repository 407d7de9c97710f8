namespace Zonal.Api.Auth.Keystone;

/// <summary>A request's X-Auth-Token checked: from the cache when it is there, else by Keystone; expired tokens are never valid.</summary>
public sealed class KeystoneTokens(KeystoneTokenCache cache, KeystoneClient keystone, TimeProvider time)
{
    /// <summary>The token's data, or null when it is missing, unknown, revoked or expired.</summary>
    /// <exception cref="KeystoneUnavailableException">Keystone could not be asked.</exception>
    public async Task<KeystoneToken?> AuthenticateAsync(string? id, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        if (cache.Get(id) is { } cached)
        {
            return cached;
        }

        var token = await keystone.ValidateAsync(id, ct);
        if (token is null || token.ExpiresAt <= time.GetUtcNow())
        {
            return null;
        }

        cache.Add(id, token);
        return token;
    }
}
