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
        var response = Ask("host1.example.", RecordType.A);
        AssertAnswer(response, "host1.example.\t3600\tIN\tA\t192.0.2.1");
        Assert.Empty(response.Authority);
    }

    [Fact]
    public void A_missing_name_is_NXDOMAIN_with_the_SOA_at_the_negative_TTL()
    {
        var soa = AssertNxDomain(Ask("_telnet._tcp.host1.example.", RecordType.SRV));
        Assert.Equal(300u, soa.Ttl);
    }

    [Fact]
    public void An_existing_name_without_the_type_is_NODATA_with_the_SOA() =>
        AssertNoData(Ask("host1.example.", RecordType.MX));

    [Fact]
    public void An_empty_non_terminal_is_NODATA_and_blocks_the_wildcard_below_it()
    {
        AssertNoData(Ask("ent.example.", RecordType.A));
        AssertNxDomain(Ask("other.ent.example.", RecordType.MX));
    }

    [Theory]
    [InlineData("host3.example.", RecordType.MX, "host3.example.\t3600\tIN\tMX\t10 host1.example.")]
    [InlineData("foo.bar.example.", RecordType.TXT, "foo.bar.example.\t3600\tIN\tTXT\t\"this is a wildcard\"")]
    public void A_wildcard_answers_for_missing_names_with_the_query_name_as_owner(string name, RecordType type, string expected) =>
        AssertAnswer(Ask(name, type), expected);

    [Fact]
    public void A_wildcard_without_the_type_is_NODATA() =>
        AssertNoData(Ask("host3.example.", RecordType.A));

    [Theory]
    [InlineData("host1.example.")]
    [InlineData("sub.*.example.")]
    [InlineData("_tcp.host1.example.")]
    public void Names_that_exist_never_match_the_wildcard(string name) =>
        AssertNoData(Ask(name, RecordType.MX));

    [Fact]
    public void A_wildcard_is_not_a_wildcard_for_names_below_its_own_descendants()
    {
        // RFC 4592 §2.2.1: the closest encloser of ghost.*.example is *.example, which has no *.*.example.
        AssertNxDomain(Ask("ghost.*.example.", RecordType.MX));
    }

    [Fact]
    public void Names_below_a_delegation_get_a_referral_with_glue_and_no_AA()
    {
        var response = Ask("host.subdel.example.", RecordType.A);
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
        Assert.False(Ask("subdel.example.", RecordType.NS).IsAuthoritative);
        var ds = Ask("subdel.example.", RecordType.DS);
        Assert.True(ds.IsAuthoritative);
        Assert.Equal(RecordType.SOA, Assert.Single(ds.Authority).Type);
    }

    [Fact]
    public void Glue_below_a_cut_is_not_answered_authoritatively()
    {
        var response = Ask("ns.subdel.example.", RecordType.A);
        Assert.False(response.IsAuthoritative);
        Assert.Empty(response.Answers);
        Assert.Equal(2, response.Authority.Count);
    }

    [Fact]
    public void A_CNAME_chain_is_followed_inside_the_zone()
    {
        var response = Ask("alias.example.", RecordType.A);
        Assert.Equal(Rcode.NoError, response.Rcode);
        Assert.Equal(
            ["alias.example. CNAME", "www.example. CNAME", "host1.example. A"],
            response.Answers.Select(r => $"{r.Name} {r.Type}"));
    }

    [Fact]
    public void A_CNAME_leaving_the_zone_is_answered_alone()
    {
        var response = Ask("out.example.", RecordType.A);
        Assert.Equal("out.example.\t3600\tIN\tCNAME\twww.example.org.", TestZones.Show(response.Answers));
        Assert.Empty(response.Authority);
    }

    [Fact]
    public void A_CNAME_to_a_missing_name_is_NXDOMAIN_after_the_CNAME() =>
        AssertNxDomain(Ask("gone.example.", RecordType.A), answers: 1);

    [Fact]
    public void A_CNAME_loop_ends()
    {
        var response = Ask("loop1.example.", RecordType.A);
        Assert.Equal(AuthoritativeAnswer.MaxChain, response.Answers.Count);
    }

    [Fact]
    public void A_query_for_the_CNAME_itself_is_not_followed()
    {
        var response = Ask("www.example.", RecordType.CNAME);
        Assert.Single(response.Answers);
    }

    [Fact]
    public void ANY_returns_every_RRset_of_the_name()
    {
        var response = Ask("example.", RecordType.ANY);
        Assert.Equal([RecordType.NS, RecordType.NS, RecordType.SOA], response.Answers.Select(r => r.Type).Order());
    }

    [Fact]
    public void MX_answers_carry_the_exchange_address()
    {
        var response = Ask("mail.example.", RecordType.MX);
        Assert.Equal("host1.example.\t3600\tIN\tA\t192.0.2.1", TestZones.Show(response.Additional));
    }

    [Fact]
    public void Lookups_ignore_case()
    {
        var response = Ask("HOST1.Example.", RecordType.A);
        Assert.Single(response.Answers);
    }

    private static DnsMessage Ask(string name, RecordType type) => TestZones.Ask(Zone, name, type);

    /// <summary>An authoritative NOERROR answer that is exactly <paramref name="expected"/>.</summary>
    private static void AssertAnswer(DnsMessage response, string expected)
    {
        Assert.Equal(Rcode.NoError, response.Rcode);
        Assert.True(response.IsAuthoritative);
        Assert.Equal(expected, TestZones.Show(response.Answers));
    }

    /// <summary>NODATA: the name exists without the type; authoritative, no answers, the zone's SOA as authority.</summary>
    private static void AssertNoData(DnsMessage response)
    {
        Assert.Equal(Rcode.NoError, response.Rcode);
        Assert.True(response.IsAuthoritative);
        Assert.Empty(response.Answers);
        Assert.Equal(RecordType.SOA, Assert.Single(response.Authority).Type);
    }

    /// <summary>Authoritative NXDOMAIN with <paramref name="answers"/> CNAMEs followed first; returns the SOA in authority.</summary>
    private static DnsRecord AssertNxDomain(DnsMessage response, int answers = 0)
    {
        Assert.Equal(Rcode.NXDomain, response.Rcode);
        Assert.True(response.IsAuthoritative);
        Assert.Equal(answers, response.Answers.Count);
        var soa = Assert.Single(response.Authority);
        Assert.Equal(RecordType.SOA, soa.Type);
        return soa;
    }
}
