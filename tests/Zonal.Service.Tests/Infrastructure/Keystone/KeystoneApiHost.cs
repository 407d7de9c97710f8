using Microsoft.Extensions.DependencyInjection;
using Zonal.Api.Auth.Keystone;

namespace Zonal.Service.Tests.Infrastructure.Keystone;

/// <summary>
/// The embedded service with auth_strategy = keystone against the test run's Keystone (over SQLite),
/// with its own service account; every call Zonal makes to Keystone goes through <see cref="Keystone"/>.
/// </summary>
public class KeystoneApiHost : ApiHost
{
    public CountingHandler Keystone { get; } = new();

    public KeystoneAdmin Admin { get; private set; } = null!;

    public KeystoneUser ServiceUser { get; private set; } = null!;

    /// <summary>The API client sending <paramref name="token"/> as X-Auth-Token (and no noauth headers).</summary>
    public ApiClient WithToken(string? token)
    {
        var client = Client();
        if (token is not null)
        {
            client.Headers["X-Auth-Token"] = token;
        }

        return client;
    }

    /// <summary>Whether Zonal's service account holds admin (Designate's does); without it project lookups get 403.</summary>
    protected virtual bool ServiceIsAdmin => true;

    protected override string CreateDatabase() => TestDatabases.Sqlite();

    /// <summary>Where Zonal finds Keystone; a test may point it at a short-lived twin or at nothing.</summary>
    protected virtual Task<Uri> AuthUrlAsync(KeystoneAdmin admin) => Task.FromResult(admin.AuthUrl);

    protected override async Task<IReadOnlyDictionary<string, string?>> SettingsAsync()
    {
        Admin = await KeystoneAdmin.ConnectAsync();
        ServiceUser = await Admin.CreateServiceUserAsync(ServiceIsAdmin);
        const string section = "Zonal:keystone_authtoken:";
        return new Dictionary<string, string?>
        {
            ["Zonal:Api:auth_strategy"] = "keystone",
            [section + "auth_url"] = (await AuthUrlAsync(Admin)).ToString(),
            [section + "www_authenticate_uri"] = Admin.AuthUrl.ToString(),
            [section + "username"] = ServiceUser.Name,
            [section + "password"] = ServiceUser.Password,
            [section + "project_name"] = ServiceUser.ProjectName,
            [section + "user_domain_name"] = "Default",
            [section + "project_domain_name"] = "Default",
            [section + "region_name"] = "RegionOne",
        };
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton(new KeystoneTransport(Keystone));
}
