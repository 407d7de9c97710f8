using Zonal.Storage;

namespace Zonal.Service.Tests.Storage;

/// <summary>Storage rows written straight through EF, for tests of what the schema does with them.</summary>
public static class TestRows
{
    public static ZoneRow Zone(Guid id, string name) => new()
    {
        Id = id,
        ProjectId = "p",
        PoolId = Guid.Parse("794ccc2c-d751-44fe-b57f-8894c9f5c842"),
        Name = name,
        Email = "h.example.org.",
        Ttl = 3600,
        Serial = 1,
        Refresh = 3600,
        Retry = 600,
        Expire = 86400,
        Minimum = 300,
        Status = "ACTIVE",
        Action = "NONE",
        Type = "PRIMARY",
        Version = 1,
        CreatedAt = DateTime.UtcNow,
    };

    /// <summary>An A record set named <paramref name="label"/> in the zone, its records ACTIVE.</summary>
    public static RecordSetRow Set(Guid zoneId, string label, params string[] addresses)
    {
        var set = new RecordSetRow { Id = Guid.NewGuid(), ZoneId = zoneId, ProjectId = "p", Name = label + ".", Type = "A", Version = 1, CreatedAt = DateTime.UtcNow };
        set.Records.AddRange(addresses.Select(a => new RecordRow
        {
            Id = Guid.NewGuid(),
            RecordSetId = set.Id,
            ZoneId = zoneId,
            Data = a,
            Status = "ACTIVE",
            Action = "NONE",
            Version = 1,
            CreatedAt = DateTime.UtcNow,
        }));
        return set;
    }
}
