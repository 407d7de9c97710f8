using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.ZoneFiles;
using Zonal.Nameserver;

namespace Zonal.Tests.Nameserver;

/// <summary>Zones from zone file text, and questions put to them, for the answer engine's tests.</summary>
internal static class TestZones
{
    /// <summary>RFC 4592 §2.2.1's example zone, with a glue address and an empty non-terminal added.</summary>
    public const string Rfc4592 = """
        $ORIGIN example.
        $TTL 3600
        @                 SOA   ns.example.com. hostmaster.example.com. 1 3600 600 86400 300
                          NS    ns.example.com.
                          NS    ns.example.net.
        *                 TXT   "this is a wildcard"
        *                 MX    10 host1.example.
        sub.*             TXT   "this is not a wildcard"
        host1             A     192.0.2.1
        _ssh._tcp.host1   SRV   0 0 22 host1.example.
        _ssh._tcp.host2   SRV   0 0 22 host2.example.
        subdel            NS    ns.subdel.example.
                          NS    ns.example.net.
        ns.subdel         A     192.0.2.53
        www               CNAME host1
        alias             CNAME www
        out               CNAME www.example.org.
        gone              CNAME nowhere.host1
        loop1             CNAME loop2
        loop2             CNAME loop1
        deep.ent          A     192.0.2.9
        mail              MX    10 host1
        """;

    public static List<DnsRecord> Records(string origin, string text)
    {
        using var reader = new ZoneReader(new StringReader(text), "test.zone", new ZoneReaderOptions { Origin = DnsName.Parse(origin) });
        var records = new List<DnsRecord>();
        while (reader.Read() is { } record)
        {
            records.Add(record);
        }

        return records;
    }

    public static ZoneVersion Version(string origin, string text) => ZoneVersion.Build(DnsName.Parse(origin), Records(origin, text));

    public static DnsMessage Ask(ZoneVersion zone, string name, RecordType type)
    {
        var query = DnsMessage.CreateQuery(1, DnsName.Parse(name), type);
        var response = query.CreateResponse();
        AuthoritativeAnswer.Fill(zone, query.Questions[0], response);
        return response;
    }

    public static string Show(IEnumerable<DnsRecord> records) => string.Join("\n", records.Select(r => r.ToString()));
}
