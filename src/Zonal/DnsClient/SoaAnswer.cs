using Zonal.Dns;
using Zonal.Dns.Messages;

namespace Zonal.DnsClient;

/// <summary>An answer to an SOA query: its rcode, whether it was authoritative, and the serial of the zone's SOA in it, if any.</summary>
public sealed record SoaAnswer(Rcode Rcode, bool IsAuthoritative, uint? Serial)
{
    public static SoaAnswer Of(DnsMessage answer, DnsName zone)
    {
        var soa = answer.Answers.Find(r => r.Type == RecordType.SOA && r.Name.Equals(zone));
        return new SoaAnswer(answer.Rcode, answer.IsAuthoritative, soa is null ? null : SoaTimers.Read(soa).Serial);
    }
}
