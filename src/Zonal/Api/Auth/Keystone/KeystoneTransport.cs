namespace Zonal.Api.Auth.Keystone;

/// <summary>The HTTP handler Zonal talks to Keystone through; a test wraps it to count the calls.</summary>
public sealed class KeystoneTransport(HttpMessageHandler handler)
{
    public HttpMessageHandler Handler => handler;

    public static KeystoneTransport Default() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false });
}
