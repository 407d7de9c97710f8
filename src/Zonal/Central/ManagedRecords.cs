using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>The SOA and apex NS record sets that central keeps for every PRIMARY zone, from the zone's pool.</summary>
public sealed class ManagedRecords(ZonalDbContext db, IOptions<ZonalOptions> options)
{
    // One request touches one pool; its NS records are read once per scope.
    private readonly Dictionary<Guid, IReadOnlyList<NameServerView>> _byPool = [];

    /// <summary>Keeps the pool's stored NS records (a pool row's JSON, null when missing) that a writer read with its checks.</summary>
    public void Remember(Guid poolId, string? stored) => _byPool[poolId] = PoolNameServers.Of(stored, options.Value.DefaultPool);

    public async Task<IReadOnlyList<NameServerView>> NameServersAsync(Guid poolId, CancellationToken ct)
    {
        if (!_byPool.TryGetValue(poolId, out var servers))
        {
            servers = await PoolNameServers.ReadAsync(db, poolId, options.Value.DefaultPool, ct);
            _byPool[poolId] = servers;
        }

        return servers;
    }

    /// <summary>SOA RDATA: MNAME is the pool's first NS record, RNAME the zone's email.</summary>
    public async Task<string> SoaDataAsync(ZoneRow zone, CancellationToken ct)
    {
        var servers = await NameServersAsync(zone.PoolId, ct);
        return $"{servers[0].Hostname} {NameRules.EmailToRname(zone.Email)} {zone.Serial} {zone.Refresh} {zone.Retry} {zone.Expire} {zone.Minimum}";
    }

    /// <summary>The apex SOA and NS record sets of a new zone, pending creation with it.</summary>
    public async Task<IReadOnlyList<RecordSetRow>> ForNewZoneAsync(ZoneRow zone, CancellationToken ct)
    {
        var servers = await NameServersAsync(zone.PoolId, ct);
        return [NewSet(zone, "SOA", [await SoaDataAsync(zone, ct)]), NewSet(zone, "NS", servers.Select(ns => ns.Hostname))];
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

    /// <summary>Marks the live records of a set as kept for <paramref name="resource"/> (nothing when null).</summary>
    public static void Stamp(RecordSetRow set, ManagedResource? resource)
    {
        if (resource is null)
        {
            return;
        }

        foreach (var record in set.Records.Where(r => r.Action != Domain.ChangeAction.Delete))
        {
            record.Managed = true;
            record.ManagedResourceType = resource.ResourceType;
            record.ManagedResourceId = resource.ResourceId;
            record.ManagedResourceRegion = resource.Region;
            record.ManagedExtra = resource.Extra;
            record.ManagedTenantId = resource.TenantId;
        }
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
