using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>The SOA and apex NS record sets that central keeps for every PRIMARY zone.</summary>
public sealed class ManagedRecords(IOptions<ZonalOptions> options)
{
    public IReadOnlyList<NsRecordOptions> NameServers => options.Value.DefaultPool.EffectiveNsRecords;

    /// <summary>SOA RDATA: MNAME is the pool's first NS record, RNAME the zone's email.</summary>
    public string SoaData(ZoneRow zone) =>
        $"{NameServers[0].Hostname} {NameRules.EmailToRname(zone.Email)} {zone.Serial} {zone.Refresh} {zone.Retry} {zone.Expire} {zone.Minimum}";

    /// <summary>The apex SOA and NS record sets of a new zone, pending creation with it.</summary>
    public IEnumerable<RecordSetRow> ForNewZone(ZoneRow zone)
    {
        yield return NewSet(zone, "SOA", [SoaData(zone)]);
        yield return NewSet(zone, "NS", NameServers.Select(ns => ns.Hostname));
    }

    private static RecordSetRow NewSet(ZoneRow zone, string type, IEnumerable<string> data)
    {
        var set = new RecordSetRow
        {
            Id = Guid.NewGuid(),
            ZoneId = zone.Id,
            ProjectId = zone.ProjectId,
            Name = zone.Name,
            Type = type,
            Managed = true,
            Version = 1,
            CreatedAt = zone.CreatedAt,
        };
        set.Records.AddRange(data.Distinct(StringComparer.Ordinal).Select(d => NewRecord(set, d, zone.Serial, zone.CreatedAt, managed: true)));
        return set;
    }

    public static RecordRow NewRecord(RecordSetRow set, string data, long serial, DateTime now, bool managed = false) => new()
    {
        Id = Guid.NewGuid(),
        RecordSetId = set.Id,
        ZoneId = set.ZoneId,
        Data = data,
        Managed = managed,
        Status = Domain.Status.Pending,
        Action = Domain.ChangeAction.Create,
        Serial = serial,
        Version = 1,
        CreatedAt = now,
    };
}
