namespace Zonal.Dns;

/// <summary>
/// One resource record. <see cref="Data"/> is the RDATA in uncompressed wire form; names inside it are
/// absolute. Codecs for each type live in <see cref="Rdata"/>.
/// </summary>
public sealed class DnsRecord : IEquatable<DnsRecord>
{
    public DnsRecord(DnsName name, RecordType type, RecordClass @class, uint ttl, byte[] data)
    {
        Name = name;
        Type = type;
        Class = @class;
        Ttl = ttl;
        Data = data;
    }

    public DnsName Name { get; }

    public RecordType Type { get; }

    public RecordClass Class { get; }

    public uint Ttl { get; }

    public byte[] Data { get; }

    public bool Equals(DnsRecord? other) =>
        other is not null && Type == other.Type && Class == other.Class && Ttl == other.Ttl
        && Name.Equals(other.Name) && Rdata.DataEquals(Type, Data, other.Data);

    public override bool Equals(object? obj) => Equals(obj as DnsRecord);

    public override int GetHashCode() => HashCode.Combine(Name, Type, Class, Ttl, Data.Length);

    /// <summary>One line of zone file text: owner, TTL, class, type and RDATA, names absolute.</summary>
    public override string ToString() => ToString(null);

    public string ToString(DnsName? origin) =>
        $"{Name.ToString(origin)}\t{Ttl}\t{RecordClassNames.ToText(Class)}\t{RecordTypeNames.ToText(Type)}\t{Rdata.Format(Type, Data, origin)}";
}
