using Zonal.Tests.Servers;

namespace Zonal.Tests.Wire;

/// <summary>The zones the wire tests ask named about: one with every common type, one big enough to need a multi-message AXFR.</summary>
public static class WireZones
{
    private const string Padding = "padding-padding-padding-padding-padding-padding-padding-padding-padding-padding-padding";

    public static readonly NamedZone Types = new("wire.test.", $$"""
        $TTL 300
        @ IN SOA ns1.wire.test. hostmaster.wire.test. 2024060101 7200 3600 1209600 300
        @ IN NS ns1
        @ IN NS ns2.example.net.
        ns1 IN A 192.0.2.53
        www IN A 192.0.2.1
        www IN A 192.0.2.2
        www IN AAAA 2001:db8::1
        @ IN MX 10 mail
        @ IN MX 20 mail.example.net.
        mail IN A 192.0.2.25
        txt IN TXT "hello world" "a \"quoted\" string" "\255\000;"
        _sip._tcp IN SRV 10 60 5060 sip
        sip IN A 192.0.2.60
        @ IN CAA 0 issue "ca.example.net"
        @ IN CAA 128 iodef "mailto:security@wire.test"
        @ IN NAPTR 100 10 "S" "SIP+D2T" "" _sip._tcp
        @ IN NAPTR 100 20 "u" "E2U+sip" "!^.*$!sip:info@wire.test!" .
        @ IN DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==
        child IN NS ns1.example.net.
        child IN DS 2371 13 2 1F987CC6583E92DF0890718C42C8A5A8E5DC7C4A70C0F2D7F8B8A7A3A6C9D1E2
        host IN A 192.0.2.9
        host IN SSHFP 4 2 123456789abcdef67890123456789abcdef67890123456789abcdef123456789
        host IN CERT PGP 0 0 mQINBFsEg1UBEADAo6ObwDUVJGdYuhKxjOPtwpdeo2d2LX2v6A==
        _443._tcp.www IN TLSA 3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6
        alias IN CNAME www
        *.wild IN A 192.0.2.77
        opaque IN TYPE65534 \# 4 0a000001
        $GENERATE 1-8 medium TXT "medium-$-{{Padding}}"
        $GENERATE 1-40 big TXT "big-$-{{Padding}}"

        """);

    /// <summary>About 3000 records of 120 octets: several 64 KB AXFR messages.</summary>
    public static readonly NamedZone Transfer = new("axfr.test.", $$"""
        $TTL 600
        @ IN SOA ns1.axfr.test. hostmaster.axfr.test. 7 7200 3600 1209600 300
        @ IN NS ns1
        ns1 IN A 192.0.2.53
        $GENERATE 1-250 host$ A 10.0.0.$
        $GENERATE 1-1500 host$ TXT "record-$-of-the-transfer-test-{{Padding}}"
        $GENERATE 1-200 mx$ MX "10 host$"

        """);
}
