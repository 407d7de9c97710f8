namespace Zonal.Messaging.Contracts.Central;

/// <summary>
/// A SECONDARY zone's data as its master sent it by AXFR: central replaces the zone's record sets
/// with these, keeps the master's <see cref="Serial"/> (no bump), sets transferred_at and sends the
/// change to the pool. Records are in presentation form; the SOA is among the sets.
/// </summary>
public sealed record StoreZoneTransfer(Guid ZoneId, long Serial, int Refresh, int Retry, int Expire, int Minimum, IReadOnlyList<TransferredRecordSet> RecordSets) : ICast;

/// <summary>One RRset of a transferred zone.</summary>
public sealed record TransferredRecordSet(string Name, string Type, int Ttl, IReadOnlyList<string> Records);
