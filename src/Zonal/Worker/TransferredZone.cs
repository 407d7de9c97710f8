using Zonal.Dns;
using Zonal.DnsClient;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Worker;

/// <summary>A transferred zone as central's <see cref="StoreZoneTransfer"/>: its RRsets in presentation form, in the order received.</summary>
public static class TransferredZone
{
    /// <summary>
    /// The records of an AXFR answer (SOA, the zone, SOA) as a store request; throws <see cref="ZoneDataException"/>
    /// when the answer is not a whole zone or holds records that do not belong in it. Repeated records count once.
    /// </summary>
    public static StoreZoneTransfer ToStore(Guid zoneId, DnsName origin, IReadOnlyList<DnsRecord> records)
    {
        uint serial = WholeZone.Open(origin, records);
        if (records.Count < 2)
        {
            throw new ZoneDataException($"transfer of {origin} holds only the SOA of serial {serial}");
        }

        WholeZone.Close(origin, records, serial);
        var soa = records[0];
        var body = records.Skip(1).Take(records.Count - 2).ToList();
        int rejected = body.Count(r => !WholeZone.BelongsBelowApex(origin, r) || r.Class != soa.Class);
        if (rejected > 0)
        {
            throw new ZoneDataException($"transfer of {origin} holds {rejected} records that do not belong in the zone");
        }

        var sets = new Dictionary<(DnsName, RecordType), (int Ttl, List<string> Records)>();
        var seen = new HashSet<(DnsName, RecordType, string)>();
        foreach (var record in body.Prepend(soa))
        {
            var key = (record.Name, record.Type);
            if (!sets.TryGetValue(key, out var set))
            {
                set = ((int)Math.Min(record.Ttl, int.MaxValue), []);
                sets.Add(key, set);
            }

            var text = Rdata.Format(record.Type, record.Data);
            if (seen.Add((record.Name, record.Type, text)))
            {
                set.Records.Add(text);
            }
        }

        var timers = SoaTimers.Read(soa);
        return new StoreZoneTransfer(
            zoneId,
            timers.Serial,
            Clamp(timers.Refresh),
            Clamp(timers.Retry),
            Clamp(timers.Expire),
            Clamp(timers.Minimum),
            sets.Select(s => new TransferredRecordSet(s.Key.Item1.ToString(), RecordTypeNames.ToText(s.Key.Item2), s.Value.Ttl, s.Value.Records)).ToList());
    }

    private static int Clamp(uint seconds) => (int)Math.Min(seconds, int.MaxValue);
}
