namespace Zonal.Storage;

/// <summary>
/// One change of a zone from <see cref="SerialFrom"/> to <see cref="SerialTo"/>: the records it removed
/// and added, as <see cref="JournalLines"/> text, the old and new SOA first. MiniDNS serves IXFR from these.
/// </summary>
public sealed class ZoneJournalRow
{
    public long Id { get; set; }

    public Guid ZoneId { get; set; }

    public long SerialFrom { get; set; }

    public long SerialTo { get; set; }

    /// <summary>False when the change touched records the journal could not list; IXFR may not cross it.</summary>
    public bool Complete { get; set; }

    public required string Deleted { get; set; }

    public required string Added { get; set; }

    public DateTime CreatedAt { get; set; }
}
