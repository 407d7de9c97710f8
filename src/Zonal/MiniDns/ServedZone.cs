using Zonal.Dns;
using Zonal.Storage;

namespace Zonal.MiniDns;

/// <summary>A zone MiniDNS serves: its row and its apex as a name.</summary>
public sealed record ServedZone(ZoneRow Row, DnsName Origin)
{
    public uint Serial => (uint)Row.Serial;

    /// <summary>A stored record as a wire record; RDATA names are absolute in storage, the origin only completes stragglers.</summary>
    public DnsRecord ToRecord(StoredRecord record)
    {
        var type = RecordTypeNames.Parse(record.Type);
        return new DnsRecord(DnsName.Parse(record.Name, Origin), type, RecordClass.IN, (uint)record.Ttl, Rdata.Parse(type, record.Data, Origin));
    }
}
