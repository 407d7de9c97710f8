using System.Text;
using System.Text.RegularExpressions;
using Zonal.Dns;
using Zonal.Tests.Oracle;

namespace Zonal.Tests.RdataCodecs;

/// <summary>
/// Our RDATA text must be exactly what BIND 9.18 prints (<c>named-checkzone -D</c>) for the same input,
/// and BIND must reject what we reject.
/// </summary>
public partial class BindRdataAgreementTests
{
    private const string Zone = "example.";
    private const string Head = "$ORIGIN example.\n$TTL 300\n@ SOA ns1 hostmaster 2024010101 1h 15m 1w 5m\n@ NS ns1\nns1 A 192.0.2.1\n";

    private static readonly DnsName Origin = DnsName.Parse(Zone);

    /// <summary>Record type and RDATA text as a zone file would hold them, chosen to hit each codec's edges.</summary>
    public static readonly TheoryData<string, string> Cases = new()
    {
        { "A", "10.0.0.1" },
        { "A", "\\# 4 0A000002" },
        { "AAAA", "2001:db8::1" },
        { "AAAA", "2001:DB8:0:0:1:0:0:1" },
        { "AAAA", "::ffff:1.2.3.4" },
        { "AAAA", "::1.2.3.4" },
        { "AAAA", "::2" },
        { "AAAA", "::" },
        { "AAAA", "1:0:0:1::" },
        { "AAAA", "0:0:1:0:0:0:1:0" },
        { "AAAA", "1:0:1:0:1:0:1:0" },
        { "AAAA", "1:2:3:4:5:6:1.2.3.4" },
        { "NS", "ns2.other.net." },
        { "NS", "a\\.b" },
        { "CNAME", "ns1" },
        { "PTR", "host.in-addr.arpa." },
        { "DNAME", "other.net." },
        { "MX", "0 ." },
        { "MX", "65535 mail.other.net." },
        { "MX", "\\# 3 000100" },
        { "TXT", "\"hello world\" \"a\\\"b\\\\c\" \"\\255\\000x\" foo \"\"" },
        { "TXT", "\"(sem;i)\" \"tab\tx\" \"é\" \"$@\"" },
        { "TXT", "b\\032c \\\"d" },
        { "TXT", "\\# 3 02 41 42" },
        { "SPF", "\"v=spf1 -all\"" },
        { "HINFO", "\"PC Intel\" Linux" },
        { "SRV", "10 60 5060 sip" },
        { "SRV", "0 0 0 ." },
        { "NAPTR", "100 10 \"U\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\" ." },
        { "NAPTR", "100 10 \"\" \"\" \"\" _sip._udp" },
        { "NAPTR", "1 2 \"a-b\" \"\" \"!a(b)!\\\\1!i\" ." },
        { "CAA", "0 issue \"letsencrypt.org\"" },
        { "CAA", "128 iodef \"mailto:x@example.com\"" },
        { "CAA", "0 issuewild \";\"" },
        { "CAA", "0 tbs \"a\\\"b\"" },
        { "CAA", "0 ISSUE noquote" },
        { "CAA", "0 issue \"\"" },
        { "CAA", "0 abcdefghijklmnopqrstu \"\\255 é\"" },
        { "CERT", "PKIX 12345 RSASHA256 AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yNjo+QkZKTlJWWl5iZmpucnZ6f" },
        { "CERT", "65280 0 0 AA==" },
        { "CERT", "URI 1 7 AA==" },
        { "CERT", "8 1 200 AAB B" },
        { "DS", "60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118" },
        { "DS", "60485 RSASHA256 SHA-256 2BB183AF5F22588179A53B0A98631FAD 1A2921182BB183AF5F22588179A53B0A" },
        { "DS", "1 8 3 00" },
        { "DS", "1 8 9 aabb" },
        { "DNSKEY", "257 3 8 AwEAAbDmSIfgvhbYHH1ha8Tlf0QkXnXNv+ZjUuDgC5cyd6Ydk/hNDoixRdUkDJGPI3FUS9WyG7sY0gUO63Hni1OthRQoFiFzoDZ5xdDuWQbLgmW8wdo3DMGEnLPKLJaHEsE1M2r46AlpyqZNmfL0lBf6UXTtCfSjdnqsmEqKJ0y+2sLGmhs=" },
        { "DNSKEY", "256 3 ED25519 AA==" },
        { "TLSA", "3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6" },
        { "SSHFP", "4 2 123456789abcdef67890123456789abcdef67890123456789abcdef123456789" },
        { "RRSIG", "A 8 2 300 20300201000000 20240101000000 12345 example. AwEAAbDmSIfgvhbYHH1ha8Tlf0QkXnXNv+ZjUuDgC5cyd6Ydk/hNDoixRdUkDJGPI3FUS9WyG7sY0gUO63Hni1OthRQoFiFzoDZ5xdDuWQbLgmW8" },
        { "RRSIG", "TYPE1234 ECDSAP256SHA256 2 300 1893456000 20240229235960 12345 sub AA==" },
        { "RRSIG", "CDS 8 2 300 20300101000000 0 1 . AA==" },
        { "NSEC", "host.example. A MX RRSIG NSEC TYPE1234" },
        { "NSEC", "zzz A NS SOA A TYPE65535 CDS HTTPS CAA TYPE0" },
        { "CDS", "2371 13 2 1F987CC6583E92DF0890718C42C8A5A8E5DC7C4A70C0F2D7F8B8A7A3A6C9D1E2" },
        { "CDS", "0 0 0 00" },
        { "CDNSKEY", "257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==" },
        { "CDNSKEY", "0 3 0 AA==" },
        { "NSEC3PARAM", "1 0 0 -" },
        { "NSEC3PARAM", "1 1 10 aabbcc" },
        { "NSEC3", "1 1 12 aabbccdd 2vptu5timamqttgl4luu9kg21e0aor3s A RRSIG" },
        { "NSEC3", "1 0 0 - 2vptu5timamqttgl4luu9kg21e0aor3s" },
        { "NSEC3", "2 0 0 - cpnmuog TYPE0 CAA" },
        { "NSEC3", "2 0 0 ABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABAB 000000000000000000000000000000000000000000000000000000000000000" },
        { "URI", "10 1 \"https://www.example.com/\"" },
        { "URI", "10 1 \"\"" },
        { "URI", "1 1 \"https://example.com/" + new string('a', 300) + "\"" },
        { "URI", "1 2 \"a\\\"b\\\\c\\255 é\"" },
        { "RP", "hostmaster.example. txt" },
        { "RP", ". ." },
        { "AFSDB", "1 afs.other." },
        { "KX", "10 kx" },
        { "MINFO", "admin errors.other." },
        { "LOC", "52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m" },
        { "LOC", "52 N 4 E 0" },
        { "LOC", "52 22 N 4 53 W 10m" },
        { "LOC", "0 S 0 W -100000m" },
        { "LOC", "90 0 0 N 180 0 0 W 42849672.95m 90000000m 90000000m 90000000m" },
        { "LOC", "42 21 43.528 N 71 05 06.712 W -24m 1m 200m 10m" },
        { "LOC", "1 2 3.4 N 5 6 7.89 E 1.5 2 3 4" },
        { "LOC", "1 2 3.456 N 5 6 7 E 1.01m 0.5m 1.2m 15m" },
        { "LOC", "1 N 2 E 0.01 0.01 0.02 0.09" },
        { "LOC", "1 N 2 E 0 123456 9999999 0.12" },
        { "LOC", "1 2 .5 S 2 3 4. W +5.m 90000000.5 1." },
        { "LOC", "1 N 2 E -0.5" },
        { "HTTPS", "1 . alpn=\"h2,h3\" ipv4hint=192.0.2.1" },
        { "HTTPS", "0 example.com." },
        { "SVCB", "1 dns.example.net. alpn=dot port=853" },
        { "SVCB", "1 . port=53 alpn=h2 mandatory=port,alpn" },
        { "SVCB", "1 . ipv6hint=2001:db8::1,::1 ipv4hint=1.2.3.4,5.6.7.8" },
        { "SVCB", "1 . no-default-alpn alpn=h2" },
        { "SVCB", "1 . key65000=abc key7=/x{?dns}" },
        { "SVCB", "1 . ech=AEP+DQA=" },
        { "SVCB", "1 . ech" },
        { "SVCB", "1 . ech=\"AEP+ DQA=\"" },
        { "SVCB", "1 . no-default-alpn= alpn=h2" },
        { "SVCB", "1 . alpn=h2 key65000=\"a\\\\,b\"" },
        { "HTTPS", "1 . mandatory=alpn,ech alpn=h2 ech=\"AEP+DQA=\"" },
        { "SVCB", "1 . alpn=\"a\\\\,b,c\"" },
        { "SVCB", "1 . alpn=\"a\\,b\"" },
        { "SVCB", "1 . alpn=a\\\\b" },
        { "SVCB", "1 . alpn=\\001,\\\\," },
        { "SVCB", "1 . key9" },
        { "SVCB", "1 . key9=\"\"" },
        { "SVCB", "1 foo" },
        { "SVCB", "1 . dohpath=/q{?dns}" },
        { "SVCB", "1 . key1=\"\\002h2\"" },
        { "SVCB", "1 . key3=\\001\\187" },
        { "SVCB", "1 . key65535=a" },
        { "SVCB", "1 . key10=\"a b\\\"c\\\\d\\001é\"" },
        { "SVCB", "1 . key65000=\\," },
        { "SVCB", "1 . mandatory=key65000,ipv4hint key65000 ipv4hint=1.1.1.1" },
        { "SVCB", "1 . port=\"53\"" },
        { "SVCB", "0 . alpn=h2" },
        { "SVCB", "1 . key0=\\000\\003 port=1" },
        { "SVCB", "1 . ipv6hint=::ffff:1.2.3.4" },
        { "TYPE1234", "\\# 4 0A000001" },
        { "TYPE1235", "\\# 0" },
        { "TYPE1236", "\\# 40 00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677" },
    };

    /// <summary>Values both BIND and we must refuse, one zone each.</summary>
    public static readonly TheoryData<string, string> BadCases = new()
    {
        { "MX", "70000 a" },
        { "MX", "0x10 a" },
        { "A", "01.2.3.4" },
        { "AAAA", "1::2::3" },
        { "TXT", "\"" + new string('a', 256) + "\"" },
        { "CAA", "0 is-sue x" },
        { "DS", "1 8 1 0011" },
        { "DNSKEY", "256 3 8 AAB" },
        { "NSEC", "next.example." },
        { "NAPTR", "1 2 \"\" \"\" \"!a!b!x\" ." },
        { "NAPTR", "1 2 \"\" \"\" \"!a(b)!\\\\2!\" ." },
        { "RRSIG", "A 8 2 1 20240230000000 20240101000000 1 example. AA==" },
        { "A", "\\# 3 000000" },
        { "HINFO", "a b c" },
        { "SSHFP", "1 1" },
        { "CDS", "1 8 1 0011" },
        { "NSEC3PARAM", "1 0 0 abc" },
        { "NSEC3PARAM", "1 0 0 aa bb" },
        { "NSEC3", "1 0 0 - 00000000" },
        { "NSEC3", "2 0 0 - 01" },
        { "NSEC3", "2 0 0 - 000" },
        { "NSEC3", "2 0 0 - 0000000000000000000000000000000000000000000000000000000000000000" },
        { "URI", "10 1 https://x/" },
        { "URI", "10 1 \"a\" \"b\"" },
        { "AFSDB", "70000 a" },
        { "KX", "1 a b" },
        { "LOC", "1 n 2 E 0" },
        { "LOC", "1 59 60 N 2 E 0" },
        { "LOC", "90 1 N 2 E 0" },
        { "LOC", "1 N 180 0 0.001 E 0" },
        { "LOC", "1 2 3.4567 N 2 E 0" },
        { "LOC", "1 N 2 E 42849672.96" },
        { "LOC", "1 N 2 E -100000.01" },
        { "LOC", "1 N 2 E 5M" },
        { "LOC", "1 N 2 E 0 99999999" },
        { "LOC", "1 N 2 E 0 0.001" },
        { "LOC", "1 N 2 E 0 1 2 3 4" },
        { "SVCB", "1 . port=1 port=2" },
        { "SVCB", "1 . port=1 key3=\\000\\002" },
        { "SVCB", "1 . mandatory=mandatory" },
        { "SVCB", "1 . mandatory=port" },
        { "SVCB", "1 . mandatory=port,port port=1" },
        { "SVCB", "1 . alpn=\"\"" },
        { "SVCB", "1 . alpn=a,,b" },
        { "SVCB", "1 . alpn=a," },
        { "SVCB", "1 . no-default-alpn=x" },
        { "SVCB", "1 . no-default-alpn" },
        { "SVCB", "1 . port=70000" },
        { "SVCB", "1 . port" },
        { "SVCB", "1 . ipv4hint=1.2.3" },
        { "SVCB", "1 . ipv6hint=1.2.3.4" },
        { "SVCB", "1 . ech=!!!!" },
        { "SVCB", "1 . key65536=a" },
        { "SVCB", "1 . key007=a" },
        { "SVCB", "1 . Port=1" },
        { "SVCB", "1 . \"alpn=h2\"" },
        { "SVCB", "1 . alpn= \"h2\"" },
        { "SVCB", "1 . key65000=a\"b\"" },
        { "SVCB", "1 . dohpath=/x" },
        { "SVCB", "1 . key4=\\001\\002\\003" },
        { "SVCB", "1 . key2=\\000" },
        { "SVCB", "1 . alpn=h2 mandatory=alpn,key65000" },
        { "HTTPS", "1 . echconfig=AA==" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FormatsRdataExactlyAsBindPrintsIt(string type, string text)
    {
        var recordType = RecordTypeNames.Parse(type);
        string ours = Rdata.Format(recordType, Rdata.Parse(recordType, text, Origin));

        string owner = OwnerFor(type);
        var result = NamedCheckZone.DumpText(Zone, $"{Head}{owner} {type} {text}\n");
        Assert.True(result.ExitCode == 0, $"BIND rejected '{type} {text}': {result.StandardOutput}{result.StandardError}");
        string bind = DumpedRdata(result.StandardOutput, $"{owner}.{Zone}");
        Assert.Equal(bind, ours);
    }

    [Theory]
    [MemberData(nameof(BadCases))]
    public void RejectsWhatBindRejects(string type, string text)
    {
        var recordType = RecordTypeNames.Parse(type);
        Assert.Throws<DnsFormatException>(() => Rdata.Parse(recordType, text, Origin));

        var result = NamedCheckZone.DumpText(Zone, $"{Head}{OwnerFor(type)} {type} {text}\n");
        Assert.True(result.ExitCode != 0, $"BIND accepted '{type} {text}' that we reject: {result.StandardOutput}");
    }

    [Fact]
    public void SoaTimersWithUnitsReadAsBindReadsThem()
    {
        string ours = Rdata.Format(RecordType.SOA, Rdata.Parse(RecordType.SOA, "ns1 hostmaster 2024010101 1h 15m 1w 5m", Origin));
        var result = NamedCheckZone.DumpText(Zone, Head);
        Assert.Equal(DumpedRdata(result.StandardOutput, "example.", "SOA"), ours);
    }

    /// <summary>BIND's check-names wants an NSEC3 owner to be a base32hex hash label.</summary>
    private static string OwnerFor(string type) => type == "NSEC3" ? "0p9mhaveqvm6t7vbl5lop2u3t2rp3tom" : "r";

    private static string DumpedRdata(string dump, string owner, string? type = null)
    {
        foreach (string line in dump.Split('\n'))
        {
            var match = DumpLine().Match(line);
            if (match.Success && match.Groups["owner"].Value == owner && (type is null || match.Groups["type"].Value == type))
            {
                return match.Groups["rdata"].Value;
            }
        }

        throw new InvalidOperationException($"BIND's dump has no record for {owner}:\n{dump}");
    }

    [GeneratedRegex(@"^(?<owner>\S+)\s+\d+\s+IN\s+(?<type>\S+)\s+(?<rdata>.*?)\s*$")]
    private static partial Regex DumpLine();
}
