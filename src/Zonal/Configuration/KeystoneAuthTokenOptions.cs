using Microsoft.Extensions.Configuration;

namespace Zonal.Configuration;

/// <summary>
/// Designate's [keystone_authtoken] section under its own option names (Zonal:keystone_authtoken:auth_url…),
/// so an operator's existing settings carry over: the service account Zonal validates tokens with.
/// </summary>
public sealed class KeystoneAuthTokenOptions
{
    /// <summary>Where the service account authenticates and tokens are validated (Keystone v3).</summary>
    [ConfigurationKeyName("auth_url")]
    public string AuthUrl { get; set; } = "http://127.0.0.1:5000/v3";

    /// <summary>The public Keystone URL named in the WWW-Authenticate header of a 401; auth_url when empty.</summary>
    [ConfigurationKeyName("www_authenticate_uri")]
    public string? WwwAuthenticateUri { get; set; }

    [ConfigurationKeyName("auth_type")]
    public string AuthType { get; set; } = "password";

    [ConfigurationKeyName("username")]
    public string Username { get; set; } = "designate";

    [ConfigurationKeyName("password")]
    public string Password { get; set; } = "";

    [ConfigurationKeyName("project_name")]
    public string ProjectName { get; set; } = "service";

    [ConfigurationKeyName("user_domain_name")]
    public string UserDomainName { get; set; } = "Default";

    [ConfigurationKeyName("project_domain_name")]
    public string ProjectDomainName { get; set; } = "Default";

    [ConfigurationKeyName("region_name")]
    public string? RegionName { get; set; }

    /// <summary>Seconds a validated token is trusted without asking Keystone again (never past its expires_at).</summary>
    [ConfigurationKeyName("token_cache_time")]
    public int TokenCacheTime { get; set; } = 300;

    /// <summary>Seconds to wait for Keystone before answering 503.</summary>
    [ConfigurationKeyName("http_connect_timeout")]
    public double HttpConnectTimeout { get; set; } = 10;

    public string EffectiveWwwAuthenticateUri => string.IsNullOrWhiteSpace(WwwAuthenticateUri) ? AuthUrl : WwwAuthenticateUri;
}
