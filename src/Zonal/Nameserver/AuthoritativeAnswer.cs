using Zonal.Dns;
using Zonal.Dns.Messages;

namespace Zonal.Nameserver;

/// <summary>
/// Answers one question from one zone version as an authoritative server does (RFC 1034 §4.3.2):
/// data with AA; CNAME chains followed while they stay in the zone; a referral (no AA, NS in authority,
/// glue in additional) below a zone cut; wildcards synthesized from the closest encloser (RFC 4592);
/// NXDOMAIN or NODATA with the SOA in authority.
/// </summary>
public static class AuthoritativeAnswer
{
    /// <summary>Longest CNAME chain followed inside one zone; a loop ends here too.</summary>
    public const int MaxChain = 16;

    private static readonly byte[] WildcardLabel = [1, (byte)'*'];

    public static void Fill(ZoneVersion zone, DnsQuestion question, DnsMessage response)
    {
        response.IsAuthoritative = true;
        Span<byte> key = stackalloc byte[DnsName.MaxLength];
        Span<byte> wildcard = stackalloc byte[DnsName.MaxLength + 2];
        Span<int> starts = stackalloc int[128];
        var name = question.Name;
        var type = question.Type;
        for (int hop = 0; ; hop++)
        {
            int length = NameKey.Write(name, key);
            int labels = NameKey.LabelStarts(key, starts);
            var wire = key[..length];

            if (FindCut(zone, wire, starts, labels, type) is { } cut)
            {
                // A chain that leads below a cut keeps the answer's AA; the referral says where to go on.
                response.IsAuthoritative = hop > 0;
                AddRRset(response.Authority, cut.Find(RecordType.NS)!, null);
                AdditionalRecords.AddAddresses(zone, cut.Find(RecordType.NS)!, response);
                return;
            }

            ZoneNode? node = zone.TryGetNode(wire, out var exact) ? exact : null;
            DnsName? synthesizedOwner = null;
            if (node is null)
            {
                node = FindWildcard(zone, wire, starts, labels, wildcard);
                synthesizedOwner = name;
                if (node is null)
                {
                    response.Rcode = Rcode.NXDomain;
                    response.Authority.Add(zone.NegativeSoa);
                    return;
                }
            }

            if (type == RecordType.ANY && !node.IsEmptyNonTerminal)
            {
                foreach (var set in node.Sets)
                {
                    AddRRset(response.Answers, set, synthesizedOwner);
                }

                return;
            }

            if (node.Find(type) is { } match)
            {
                AddRRset(response.Answers, match, synthesizedOwner);
                AdditionalRecords.AddFor(zone, match, response);
                return;
            }

            if (type != RecordType.CNAME && node.Find(RecordType.CNAME) is { } alias)
            {
                AddRRset(response.Answers, alias, synthesizedOwner);
                var target = DnsName.FromWire(alias.Records[0].Data);
                if (!target.IsSubdomainOf(zone.Origin) || hop + 1 >= MaxChain)
                {
                    return;
                }

                name = target;
                continue;
            }

            response.Authority.Add(zone.NegativeSoa);
            return;
        }
    }

    /// <summary>
    /// The highest zone cut at or above the name, below the apex. A DS question at the cut itself belongs to
    /// this (parent) side (RFC 4035 §3.1.4.1), so the cut is only looked for above it.
    /// </summary>
    private static ZoneNode? FindCut(ZoneVersion zone, ReadOnlySpan<byte> wire, ReadOnlySpan<int> starts, int labels, RecordType type)
    {
        int apexLabels = zone.Origin.LabelCount;
        int lowest = type == RecordType.DS ? 1 : 0;
        for (int i = labels - apexLabels - 1; i >= lowest; i--)
        {
            if (zone.TryGetNode(wire[starts[i]..], out var node) && node.IsDelegation)
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>
    /// The wildcard at the closest encloser (RFC 4592 §3.3.1): the longest existing ancestor, an empty
    /// non-terminal included, so a name that exists between the query name and the wildcard blocks it.
    /// </summary>
    private static ZoneNode? FindWildcard(ZoneVersion zone, ReadOnlySpan<byte> wire, ReadOnlySpan<int> starts, int labels, Span<byte> buffer)
    {
        int apexLabels = zone.Origin.LabelCount;
        for (int i = 1; i <= labels - apexLabels; i++)
        {
            var encloser = wire[starts[i]..];
            if (!zone.TryGetNode(encloser, out _))
            {
                continue;
            }

            if (WildcardLabel.Length + encloser.Length > DnsName.MaxLength)
            {
                return null;
            }

            WildcardLabel.CopyTo(buffer);
            encloser.CopyTo(buffer[WildcardLabel.Length..]);
            return zone.TryGetNode(buffer[..(WildcardLabel.Length + encloser.Length)], out var source) ? source : null;
        }

        return null;
    }

    internal static void AddRRset(List<DnsRecord> section, RRset set, DnsName? owner)
    {
        foreach (var record in set.Records)
        {
            section.Add(owner is null ? record : new DnsRecord(owner, record.Type, record.Class, record.Ttl, record.Data));
        }
    }
}
