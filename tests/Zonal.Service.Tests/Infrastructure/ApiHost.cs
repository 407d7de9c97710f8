using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Hosting;
using Zonal.Storage;

namespace Zonal.Service.Tests.Infrastructure;

/// <summary>
/// The embedded service on a free loopback port over one database, shared by the tests of a class.
/// Tests talk to it over real HTTP.
/// </summary>
public abstract class ApiHost : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public string Database { get; private set; } = "";

    public IServiceProvider Services => _app!.Services;

    public ApiClient Client(string? project = null, string? roles = null) => new(BaseAddress, project, roles);

    /// <summary>Runs a check directly on the database, for what the API does not expose (outbox, serial history).</summary>
    public async Task<T> QueryAsync<T>(Func<ZonalDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ZonalDbContext>());
    }

    protected abstract string CreateDatabase();

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Settings on top of the common ones, e.g. keystone auth against a server the host starts first.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    public async Task InitializeAsync()
    {
        Database = CreateDatabase();
        var settings = new Dictionary<string, string?>
        {
            ["Zonal:Database"] = Database,
            ["Zonal:Api:Listen"] = "http://127.0.0.1:0",
            ["Zonal:Nameserver:Listen"] = "127.0.0.1:0",
            ["Zonal:MiniDns:Listen"] = "127.0.0.1:0",
            ["Zonal:DefaultPool:NsRecords:0:Hostname"] = "ns1.example.net.",
            ["Zonal:DefaultPool:NsRecords:0:Priority"] = "1",
            ["Zonal:DefaultPool:NsRecords:1:Hostname"] = "ns2.example.net.",
            ["Zonal:DefaultPool:NsRecords:1:Priority"] = "2",
            ["Zonal:Central:SoaRetry"] = "1234",
            ["Zonal:Central:MinTtl"] = "60",
            ["Zonal:Central:SoaExpire"] = "654321",
            ["Zonal:Central:SoaMinimum"] = "321",
            ["Zonal:Central:SoaRefreshMin"] = "3000",
            ["Zonal:Central:SoaRefreshMax"] = "3000",
        };
        foreach (var (key, value) in await SettingsAsync())
        {
            settings[key] = value;
        }

        _app = ZonalApp.Build([], settings, ConfigureServices);
        await ZonalApp.MigrateAsync(_app.Services);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        TestDatabases.RemoveSqlite(Database);
    }
}

public sealed class SqliteApiHost : ApiHost
{
    protected override string CreateDatabase() => TestDatabases.Sqlite();
}

public sealed class PostgresApiHost : ApiHost
{
    protected override string CreateDatabase() => TestDatabases.Postgres();
}

public static class TestDatabases
{
    public static string Sqlite() =>
        "sqlite:Data Source=" + Path.Combine(Directory.CreateTempSubdirectory("zonal-sqlite-").FullName, "zonal.db") + ";Default Timeout=60";

    public static string Postgres() => "postgresql:" + PostgresCluster.Instance.CreateDatabase();

    /// <summary>Deletes the folder of a database made by <see cref="Sqlite"/>; other databases are left alone.</summary>
    public static void RemoveSqlite(string database)
    {
        const string prefix = "sqlite:Data Source=";
        if (database.StartsWith(prefix, StringComparison.Ordinal))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(database[prefix.Length..].Split(';')[0])!, recursive: true);
        }
    }
}
