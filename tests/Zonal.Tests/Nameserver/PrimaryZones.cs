using System.Text;

namespace Zonal.Tests.Nameserver;

/// <summary>Zone file text for the BIND primary the builtin nameserver transfers from.</summary>
internal static class PrimaryZones
{
    public const string Origin = "builtin.test.";

    /// <summary>A zone with each kind of answer to show, plus <paramref name="fillers"/> A records so an IXFR is visibly smaller than the zone.</summary>
    public static string Text(uint serial, string extra = "", int fillers = 200)
    {
        var text = new StringBuilder($"""
            $ORIGIN {Origin}
            $TTL 3600
            @        SOA   ns1 hostmaster {serial} 3600 600 86400 120
                     NS    ns1
            ns1      A     192.0.2.1
            www      A     192.0.2.80
            alias    CNAME www
            *.wild   TXT   "wildcard"
            deep.ent A     192.0.2.9
            sub      NS    ns.sub
            ns.sub   A     192.0.2.53
            {extra}

            """);
        for (int i = 0; i < fillers; i++)
        {
            text.Append($"host{i} A 10.0.{i / 250}.{i % 250}\n");
        }

        return text.ToString();
    }
}
