namespace Zonal.Dns.Messages;

/// <summary>One entry of the question section; in an UPDATE message, the zone section's entry (RFC 2136 §2.3).</summary>
public sealed record DnsQuestion(DnsName Name, RecordType Type, RecordClass Class = RecordClass.IN)
{
    public override string ToString() => $"{Name}\t{RecordClassNames.ToText(Class)}\t{RecordTypeNames.ToText(Type)}";
}
