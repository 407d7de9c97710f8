using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Nameserver;

namespace Zonal.Tests.Nameserver;

public sealed class AuthoritativeAnswerTests
{
    private static readonly ZoneVersion Zone = TestZones.Version("example.", TestZones.Rfc4592);

    [Fact]
    public void Existing_data_is_answered_with_AA()
    {
        var response = TestZones.Ask(Zone, "host1.example.", RecordType.A);
        Assert.True(response.IsAuthoritative);
        Assert.Equal(Rcode.NoError, response.Rcode);
        Assert.Equal("host1.example.\t3600\tIN\tA\t192.0.2.1", TestZones.Show(response.Answers));
        Assert.Empty(response.Authority);
    }

    [Fact]
    public void A_missing_name_is_NXDOMAIN_with_the_SOA_at_the_negative_TTL()
    {
        var response = TestZones.Ask(Zone, "_telnet._tcp.host1.example.", RecordType.SRV);
        Assert.Equal(Rcode.NXDomain, response.Rcode);
        Assert.True(response.IsAuthoritative);
        Assert.Empty(response.Answers);
        var soa = Assert.Single(response.Authority);
        Assert.Equal(RecordType.SOA, soa.Type);
        Assert.Equal(300u, soa.Ttl);
    }

    [Fact]
    public void An_existing_name_without_the_type_is_NODATA_with_the_SOA()
    {
        var response = TestZones.Ask(Zone, "host1.example.", RecordType.MX);
        Assert.Equal(Rcode.NoError, response.Rcode);
        Assert.Empty(response.Answers);
        Assert.Equal(RecordType.SOA, Assert.Single(response.Authority).Type);
    }

    [Fact]
    public void An_empty_non_terminal_is_NODATA_and_blocks_the_wildcard_below_it()
    {
        var ent = TestZones.Ask(Zone, "ent.example.", RecordType.A);
        Assert.Equal(Rcode.NoError, ent.Rcode);
        Assert.Empty(ent.Answers);

        var below = TestZones.Ask(Zone, "other.ent.example.", RecordType.MX);
        Assert.Equal(Rcode.NXDomain, below.Rcode);
    }

    [Theory]
    [InlineData("host3.example.", RecordType.MX, "host3.example.\t3600\tIN\tMX\t10 host1.example.")]
    [InlineData("foo.bar.example.", RecordType.TXT, "foo.bar.example.\t3600\tIN\tTXT\t\"this is a wildcard\"")]
    public void A_wildcard_answers_for_missing_names_with_the_query_name_as_owner(string name, RecordType type, string expected)
    {
        var response = TestZones.Ask(Zone, name, type);
        Assert.Equal(Rcode.NoError, response.Rcode);
        Assert.True(response.IsAuthoritative);
        Assert.Equal(expected, TestZones.Show(response.Answers));
    }

    [Fact]
    public void A_wildcard_without_the_type_is_NODATA()
    {
        var response = TestZones.Ask(Zone, "host3.example.", RecordType.A);
        Assert.Equal(Rcode.NoError, response.Rcode);
        Assert.Empty(response.Answers);
        Assert.Single(response.Authority);
    }

    [Theory]
    [InlineData("host1.example.")]
    [InlineData("sub.*.example.")]
    [InlineData("_tcp.host1.example.")]
    public void Names_that_exist_never_match_the_wildcard(string name)
    {
        var response = TestZones.Ask(Zone, name, RecordType.MX);
        Assert.Equal(Rcode.NoError, response.Rcode);
        Assert.Empty(response.Answers);
    }

    [Fact]
    public void A_wildcard_is_not_a_wildcard_for_names_below_its_own_descendants()
    {
        // RFC 4592 §2.2.1: the closest encloser of ghost.*.example is *.example, which has no *.*.example.
        var response = TestZones.Ask(Zone, "ghost.*.example.", RecordType.MX);
        Assert.Equal(Rcode.NXDomain, response.Rcode);
    }

    [Fact]
    public void Names_below_a_delegation_get_a_referral_with_glue_and_no_AA()
    {
        var response = TestZones.Ask(Zone, "host.subdel.example.", RecordType.A);
        Assert.Equal(Rcode.NoError, response.Rcode);
        Assert.False(response.IsAuthoritative);
        Assert.Empty(response.Answers);
        Assert.Equal(["ns.example.net.", "ns.subdel.example."], response.Authority.Select(r => Rdata.Format(r.Type, r.Data)).Order());
        Assert.All(response.Authority, r => Assert.Equal("subdel.example.", r.Name.ToString()));
        Assert.Equal("ns.subdel.example.\t3600\tIN\tA\t192.0.2.53", TestZones.Show(response.Additional));
    }

    [Fact]
    public void The_delegation_point_itself_refers_but_its_DS_is_answered_by_the_parent()
    {
        Assert.False(TestZones.Ask(Zone, "subdel.example.", RecordType.NS).IsAuthoritative);
        var ds = TestZones.Ask(Zone, "subdel.example.", RecordType.DS);
        Assert.True(ds.IsAuthoritative);
        Assert.Equal(RecordType.SOA, Assert.Single(ds.Authority).Type);
    }

    [Fact]
    public void Glue_below_a_cut_is_not_answered_authoritatively()
    {
        var response = TestZones.Ask(Zone, "ns.subdel.example.", RecordType.A);
        Assert.False(response.IsAuthoritative);
        Assert.Empty(response.Answers);
        Assert.Equal(2, response.Authority.Count);
    }

    [Fact]
    public void A_CNAME_chain_is_followed_inside_the_zone()
    {
        var response = TestZones.Ask(Zone, "alias.example.", RecordType.A);
        Assert.Equal(Rcode.NoError, response.Rcode);
        Assert.Equal(
            ["alias.example. CNAME", "www.example. CNAME", "host1.example. A"],
            response.Answers.Select(r => $"{r.Name} {r.Type}"));
    }

    [Fact]
    public void A_CNAME_leaving_the_zone_is_answered_alone()
    {
        var response = TestZones.Ask(Zone, "out.example.", RecordType.A);
        Assert.Equal("out.example.\t3600\tIN\tCNAME\twww.example.org.", TestZones.Show(response.Answers));
        Assert.Empty(response.Authority);
    }

    [Fact]
    public void A_CNAME_to_a_missing_name_is_NXDOMAIN_after_the_CNAME()
    {
        var response = TestZones.Ask(Zone, "gone.example.", RecordType.A);
        Assert.Equal(Rcode.NXDomain, response.Rcode);
        Assert.Single(response.Answers);
        Assert.Equal(RecordType.SOA, Assert.Single(response.Authority).Type);
    }

    [Fact]
    public void A_CNAME_loop_ends()
    {
        var response = TestZones.Ask(Zone, "loop1.example.", RecordType.A);
        Assert.Equal(AuthoritativeAnswer.MaxChain, response.Answers.Count);
    }

    [Fact]
    public void A_query_for_the_CNAME_itself_is_not_followed()
    {
        var response = TestZones.Ask(Zone, "www.example.", RecordType.CNAME);
        Assert.Single(response.Answers);
    }

    [Fact]
    public void ANY_returns_every_RRset_of_the_name()
    {
        var response = TestZones.Ask(Zone, "example.", RecordType.ANY);
        Assert.Equal([RecordType.NS, RecordType.NS, RecordType.SOA], response.Answers.Select(r => r.Type).Order());
    }

    [Fact]
    public void MX_answers_carry_the_exchange_address()
    {
        var response = TestZones.Ask(Zone, "mail.example.", RecordType.MX);
        Assert.Equal("host1.example.\t3600\tIN\tA\t192.0.2.1", TestZones.Show(response.Additional));
    }

    [Fact]
    public void Lookups_ignore_case()
    {
        var response = TestZones.Ask(Zone, "HOST1.Example.", RecordType.A);
        Assert.Single(response.Answers);
    }
}
