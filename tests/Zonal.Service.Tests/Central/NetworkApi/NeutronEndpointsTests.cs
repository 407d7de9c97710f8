using System.Text.Json;
using Zonal.Central.NetworkApi;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Service.Tests.Central.NetworkApi;

public sealed class NeutronEndpointsTests
{
    private static readonly NetworkEndpoint[] Catalog =
        [new("RegionOne", "http://catalog-one:9696"), new("RegionTwo", "http://catalog-two:9696"), new("RegionTwo", "http://internal-two:9696", "internal")];

    [Fact]
    public void Configured_endpoints_win_over_the_catalog_and_may_be_comma_separated()
    {
        var options = new NeutronOptions { Endpoints = ["RegionOne|http://127.0.0.1:9696, RegionTwo|http://127.0.0.2:9696"] };
        var endpoints = NeutronEndpoints.Resolve(options, Catalog, null);
        Assert.Equal([new("RegionOne", "http://127.0.0.1:9696"), new NetworkEndpoint("RegionTwo", "http://127.0.0.2:9696")], endpoints);
    }

    [Fact]
    public void Without_configured_endpoints_the_catalog_is_used_filtered_by_region()
    {
        var endpoints = NeutronEndpoints.Resolve(new NeutronOptions(), Catalog, "RegionTwo");
        Assert.Equal([Catalog[1]], endpoints);
    }

    [Fact]
    public void The_endpoint_type_picks_the_catalog_interface()
    {
        var endpoints = NeutronEndpoints.Resolve(new NeutronOptions { EndpointType = "internalURL" }, Catalog, null);
        Assert.Equal([Catalog[2]], endpoints);
    }

    [Fact]
    public void No_endpoint_at_all_or_none_in_the_region_is_403_no_endpoint()
    {
        var none = Assert.Throws<ServiceError>(() => NeutronEndpoints.Resolve(new NeutronOptions(), [], null));
        Assert.Equal((403, "no_endpoint"), (none.Code, none.Type));
        var elsewhere = Assert.Throws<ServiceError>(() => NeutronEndpoints.Resolve(new NeutronOptions(), Catalog, "RegionThree"));
        Assert.Equal((403, "no_endpoint"), (elsewhere.Code, elsewhere.Type));
    }

    [Fact]
    public void A_configured_entry_without_a_region_names_itself_in_the_error()
    {
        var error = Assert.Throws<ServiceError>(() => NeutronEndpoints.Resolve(new NeutronOptions { Endpoints = ["http://127.0.0.1:9696"] }, [], null));
        Assert.Equal(500, error.Code);
        Assert.Contains("http://127.0.0.1:9696", error.Message);
    }

    [Fact]
    public void Neutrons_answer_is_read_as_floating_ips_of_the_region_leaving_ipv6_out()
    {
        var v4 = Guid.NewGuid();
        using var document = JsonDocument.Parse($$"""
            {"floatingips": [
              {"id": "{{v4}}", "floating_ip_address": "198.51.100.7", "tenant_id": "p"},
              {"id": "{{Guid.NewGuid()}}", "floating_ip_address": "2001:db8::7", "tenant_id": "p"}]}
            """);
        Assert.Equal([new FloatingIp("RegionOne", v4, "198.51.100.7")], NeutronNetworkApi.Read(document.RootElement, "RegionOne"));
    }
}
