namespace Zonal.Dns.Tests.RdataCodec;

/// <summary>One valid presentation sample per type with a known format, for round trips and mutations.</summary>
internal static class RdataSamples
{
    public static readonly DnsName Origin = DnsName.Parse("example.com.");

    public static readonly (RecordType Type, string Text)[] All =
    [
        (RecordType.A, "192.0.2.1"),
        (RecordType.NS, "ns1.example.com."),
        (RecordType.CNAME, "www.example.net."),
        (RecordType.SOA, "ns1.example.com. hostmaster.example.com. 2024010101 3600 900 604800 300"),
        (RecordType.PTR, "host.example.com."),
        (RecordType.HINFO, "\"PC Intel\" \"Linux\""),
        (RecordType.MX, "10 mail.example.com."),
        (RecordType.TXT, "\"v=spf1 -all\" \"second \\\"string\\\"\""),
        (RecordType.AAAA, "2001:db8::1"),
        (RecordType.SRV, "10 60 5060 sip.example.com."),
        (RecordType.NAPTR, "100 10 \"U\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\" ."),
        (RecordType.CERT, "PKIX 12345 RSASHA256 AQIDBAUGBwgJ"),
        (RecordType.DNAME, "example.net."),
        (RecordType.DS, "60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118"),
        (RecordType.SSHFP, "4 2 123456789ABCDEF67890123456789ABCDEF67890123456789ABCDEF1 23456789"),
        (RecordType.RRSIG, "A 5 3 86400 20300322173103 20240220173103 2642 example.com. oJB1W6WNGv+ldvQ3WDG0MQkg5IEhjRip"),
        (RecordType.NSEC, "host.example.com. A MX RRSIG NSEC TYPE1234"),
        (RecordType.DNSKEY, "256 3 5 AQPSKmynfzW4kyBv015MUG2DeIQ3"),
        (RecordType.TLSA, "3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B566 64C5D3D6"),
        (RecordType.SPF, "\"v=spf1 -all\""),
        (RecordType.CAA, "0 issue \"letsencrypt.org\""),
        (RecordType.CDS, "60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118"),
        (RecordType.CDNSKEY, "256 3 5 AQPSKmynfzW4kyBv015MUG2DeIQ3"),
        (RecordType.NSEC3, "1 1 12 AABBCCDD 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR NS SOA MX RRSIG DNSKEY NSEC3PARAM"),
        (RecordType.NSEC3PARAM, "1 0 12 AABBCCDD"),
        (RecordType.URI, "10 1 \"ftp://ftp1.example.com/public\""),
        (RecordType.RP, "mbox.example.com. txt.example.com."),
        (RecordType.AFSDB, "1 afs.example.com."),
        (RecordType.KX, "10 kx.example.com."),
        (RecordType.LOC, "42 21 43.528 N 71 5 6.712 W -24.00m 1m 200m 10m"),
        (RecordType.SVCB, "1 svc.example.com. mandatory=alpn,port alpn=\"h2,h\\\\,3\" port=8443 ipv6hint=2001:db8::1 key65000=\"x y\""),
        (RecordType.HTTPS, "1 . alpn=\"h2,h3\" no-default-alpn ipv4hint=192.0.2.1,192.0.2.2 ech=AEP+DQA="),
        (RecordType.MINFO, "admin.example.com. errors.example.com."),
    ];

    public static byte[] Wire(RecordType type) => Rdata.Parse(type, All.First(s => s.Type == type).Text);
}
