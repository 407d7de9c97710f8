using Zonal.Central;

namespace Zonal.Service.Tests.Central;

public sealed class ReverseNamesTests
{
    [Theory]
    [InlineData("192.0.2.10", "2.0.192.in-addr.arpa.", "10.2.0.192.in-addr.arpa.")]
    [InlineData("10.0.0.1", "0.0.10.in-addr.arpa.", "1.0.0.10.in-addr.arpa.")]
    [InlineData("203.000.113.007", "113.0.203.in-addr.arpa.", "7.113.0.203.in-addr.arpa.")]
    public void An_ipv4_address_lives_in_its_slash_24_reverse_zone_under_its_full_reverse_name(string address, string zone, string name)
    {
        Assert.Equal(zone, ReverseNames.ZoneOf(address));
        Assert.Equal(name, ReverseNames.NameOf(address));
    }

    [Theory]
    [InlineData("2001:db8::1")]
    [InlineData("10.1")]
    [InlineData("192.0.2.300")]
    [InlineData("not an address")]
    public void Only_dotted_quad_ipv4_is_an_address_with_a_reverse_name(string address)
    {
        Assert.False(ReverseNames.IsIpv4(address));
        Assert.Throws<ArgumentException>(() => ReverseNames.NameOf(address));
    }
}
