using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api.Reverse;

/// <summary>With no [network_api:neutron] endpoints (and no catalog), floating IPs answer Designate's no_endpoint, not a 500.</summary>
public sealed class NoNetworkApiTests(SqliteApiHost host) : IClassFixture<SqliteApiHost>
{
    [Fact]
    public async Task List_get_and_set_answer_403_no_endpoint()
    {
        var client = host.Client(Projects.New("fip"));
        var key = $"RegionOne:{Guid.NewGuid():D}";
        ErrorAssert.Is(await client.GetAsync("/v2/reverse/floatingips"), 403, "no_endpoint");
        ErrorAssert.Is(await client.GetAsync($"/v2/reverse/floatingips/{key}"), 403, "no_endpoint");
        ErrorAssert.Is(await client.PatchAsync($"/v2/reverse/floatingips/{key}", """{"ptrdname": "a.example.org."}"""), 403, "no_endpoint");
    }
}
