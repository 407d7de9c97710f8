using Zonal.Dns;
using Zonal.DnsClient;

namespace Zonal.Nameserver;

/// <summary>
/// Turns the answer records of an AXFR or IXFR response into a zone version (RFC 1995 §4, RFC 5936):
/// a lone SOA not newer than ours is "up to date"; SOA then non-SOA is the whole zone (AXFR form); SOA
/// then SOA is a run of differences (old SOA, deletions, new SOA, additions), applied by a
/// <see cref="ZoneEditor"/> to make a new version that shares the untouched nodes of the one being served.
/// </summary>
public static class IxfrResponse
{
    public static TransferResult Interpret(DnsName origin, ZoneVersion? current, List<DnsRecord> records, bool askedIncremental, int messages, long octets)
    {
        uint newSerial = WholeZone.Open(origin, records);
        if (records.Count == 1)
        {
            if (askedIncremental && current is not null && !SoaTimers.IsNewer(newSerial, current.Serial))
            {
                return new TransferResult(current, TransferKind.UpToDate, messages, 1, octets);
            }

            throw new ZoneDataException($"transfer of {origin} holds only the SOA of serial {newSerial}");
        }

        WholeZone.Close(origin, records, newSerial);

        if (!askedIncremental || current is null || records[1].Type != RecordType.SOA)
        {
            var version = ZoneVersion.Build(origin, records.Take(records.Count - 1), out int rejected);
            if (rejected > 0)
            {
                throw new ZoneDataException($"transfer of {origin} holds {rejected} records that do not belong in the zone");
            }

            return new TransferResult(version, TransferKind.Full, messages, records.Count, octets);
        }

        return new TransferResult(ApplyDifferences(origin, current, records), TransferKind.Incremental, messages, records.Count, octets)
        {
            Differences = records,
        };
    }

    private static ZoneVersion ApplyDifferences(DnsName origin, ZoneVersion current, List<DnsRecord> records)
    {
        var zone = new ZoneEditor(current);
        int end = records.Count - 1;
        int i = 1;
        while (i < end)
        {
            uint from = SoaTimers.Read(records[i]).Serial;
            uint held = zone.Serial;
            if (from != held)
            {
                throw new ZoneDataException($"IXFR difference of {origin} starts at serial {from}, but serial {held} is held");
            }

            for (i++; i < end && records[i].Type != RecordType.SOA; i++)
            {
                zone.Delete(records[i]);
            }

            if (i == end)
            {
                throw new ZoneDataException($"IXFR difference of {origin} from serial {from} has no new SOA");
            }

            zone.ReplaceSoa(records[i]);
            for (i++; i < end && records[i].Type != RecordType.SOA; i++)
            {
                zone.Add(records[i]);
            }
        }

        if (zone.Serial != SoaTimers.Read(records[end]).Serial)
        {
            throw new ZoneDataException($"IXFR of {origin} ends at serial {SoaTimers.Read(records[end]).Serial}, its differences at {zone.Serial}");
        }

        return zone.Build();
    }
}
