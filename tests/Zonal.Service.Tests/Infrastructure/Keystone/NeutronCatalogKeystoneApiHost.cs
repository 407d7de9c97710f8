using Zonal.Service.Tests.Infrastructure.Neutron;

namespace Zonal.Service.Tests.Infrastructure.Keystone;

/// <summary>
/// Zonal in keystone mode with no [network_api:neutron] endpoints: the Neutron stand-in is registered
/// in the test Keystone as the network service, so Zonal finds it in each caller's catalog.
/// </summary>
public sealed class NeutronCatalogKeystoneApiHost : KeystoneApiHost
{
    public NeutronStandIn Neutron { get; } = new();

    protected override async Task<IReadOnlyDictionary<string, string?>> SettingsAsync()
    {
        var settings = await base.SettingsAsync();
        await Neutron.StartAsync();
        await Admin.RegisterEndpointAsync("network", "neutron", Neutron.Address);
        return settings;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Neutron.DisposeAsync();
    }
}
