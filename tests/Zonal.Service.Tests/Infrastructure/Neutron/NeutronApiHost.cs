namespace Zonal.Service.Tests.Infrastructure.Neutron;

/// <summary>The embedded service with [network_api:neutron] endpoints pointing at a <see cref="NeutronStandIn"/> in region RegionOne.</summary>
public abstract class NeutronApiHost : ApiHost
{
    public const string Region = "RegionOne";

    public NeutronStandIn Neutron { get; } = new();

    protected override async Task<IReadOnlyDictionary<string, string?>> SettingsAsync()
    {
        await Neutron.StartAsync();
        return new Dictionary<string, string?>
        {
            ["Zonal:Neutron:Endpoints:0"] = $"{Region}|{Neutron.Address.ToString().TrimEnd('/')}",
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Neutron.DisposeAsync();
    }
}

public sealed class NeutronSqliteApiHost : NeutronApiHost
{
    protected override string CreateDatabase() => TestDatabases.Sqlite();
}

public sealed class NeutronPostgresApiHost : NeutronApiHost
{
    protected override string CreateDatabase() => TestDatabases.Postgres();
}
