using Zonal.Service.Tests.Compatibility;
using Zonal.Service.Tests.Infrastructure.Keystone;

namespace Zonal.Service.Tests.Identity;

/// <summary>In keystone mode the floating IPs are asked of the network endpoint in the caller's catalog, with the caller's token.</summary>
public sealed class KeystoneFloatingIpTests(NeutronCatalogKeystoneApiHost host) : IClassFixture<NeutronCatalogKeystoneApiHost>
{
    [Fact]
    public async Task Floating_ips_come_from_the_catalogs_network_endpoint_asked_with_the_callers_token()
    {
        var user = await host.Admin.CreateUserAsync("member");
        var id = host.Neutron.Add(user.ProjectId, "203.0.113.9");
        var token = await host.Admin.TokenAsync(user);

        var response = await host.WithToken(token).GetAsync("/v2/reverse/floatingips");

        Assert.True(response.Code == 200, response.ToString());
        var fip = Assert.Single(response.Json.GetProperty("floatingips").EnumerateArray());
        Assert.Equal($"RegionOne:{id:D}", fip.Str("id"));
        Assert.Equal("203.0.113.9", fip.Str("address"));
        Assert.Contains(token, host.Neutron.Tokens);
    }
}
