using Zonal.Dns;
using Zonal.Messaging.Contracts.Central;
using Zonal.Nameserver;

namespace Zonal.Worker;

/// <summary>A transferred zone as central's <see cref="StoreZoneTransfer"/>: its RRsets in presentation form, in the order received.</summary>
public static class TransferredZone
{
    public static StoreZoneTransfer ToStore(Guid zoneId, ZoneVersion version)
    {
        var sets = new Dictionary<(DnsName, RecordType), (int Ttl, List<string> Records)>();
        foreach (var record in version.Records)
        {
            var key = (record.Name, record.Type);
            if (!sets.TryGetValue(key, out var set))
            {
                set = ((int)Math.Min(record.Ttl, int.MaxValue), []);
                sets.Add(key, set);
            }

            set.Records.Add(Rdata.Format(record.Type, record.Data));
        }

        var timers = version.Timers;
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
