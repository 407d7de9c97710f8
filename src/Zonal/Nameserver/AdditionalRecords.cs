using Zonal.Dns;
using Zonal.Dns.Messages;

namespace Zonal.Nameserver;

/// <summary>
/// Additional section processing (RFC 1034 §4.3.2 step 6): addresses of the hosts that NS, MX and SRV
/// answers name, when this zone holds them, glue below a cut included (that is what glue is for).
/// </summary>
internal static class AdditionalRecords
{
    public static void AddFor(ZoneVersion zone, RRset answer, DnsMessage response)
    {
        if (answer.Type is RecordType.NS or RecordType.MX or RecordType.SRV)
        {
            AddAddresses(zone, answer, response);
        }
    }

    public static void AddAddresses(ZoneVersion zone, RRset named, DnsMessage response)
    {
        foreach (var record in named.Records)
        {
            if (TargetOf(record) is not { } target || !target.IsSubdomainOf(zone.Origin) || AlreadyAdded(response, target))
            {
                continue;
            }

            if (zone.FindNode(target) is not { } node)
            {
                continue;
            }

            foreach (var type in (ReadOnlySpan<RecordType>)[RecordType.A, RecordType.AAAA])
            {
                if (node.Find(type) is { } addresses)
                {
                    AuthoritativeAnswer.AddRRset(response.Additional, addresses, null);
                }
            }
        }
    }

    private static DnsName? TargetOf(DnsRecord record)
    {
        int offset = record.Type switch
        {
            RecordType.NS => 0,
            RecordType.MX => 2,
            RecordType.SRV => 6,
            _ => -1,
        };
        return offset < 0 || record.Data.Length <= offset ? null : DnsName.FromWire(record.Data.AsSpan(offset));
    }

    private static bool AlreadyAdded(DnsMessage response, DnsName target)
    {
        foreach (var record in response.Additional)
        {
            if (record.Name.Equals(target))
            {
                return true;
            }
        }

        return false;
    }
}
