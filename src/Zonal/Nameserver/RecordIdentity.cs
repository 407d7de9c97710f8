using Zonal.Dns;

namespace Zonal.Nameserver;

/// <summary>
/// Record equality as a zone sees it: owner, type, class and RDATA, with names compared without case and
/// the TTL ignored, so an IXFR deletion finds its record and a zone never holds the same record twice.
/// </summary>
public sealed class RecordIdentity : IEqualityComparer<DnsRecord>
{
    public static readonly RecordIdentity Instance = new();

    public bool Equals(DnsRecord? x, DnsRecord? y) =>
        ReferenceEquals(x, y)
        || (x is not null && y is not null && x.Type == y.Type && x.Class == y.Class
            && x.Name.Equals(y.Name) && Rdata.DataEquals(x.Type, x.Data, y.Data));

    public int GetHashCode(DnsRecord obj) => HashCode.Combine(obj.Name, obj.Type, obj.Data.Length);
}
