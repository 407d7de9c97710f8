using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zonal.Configuration;
using Zonal.Messaging.Contracts;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>The JSON text a pool row keeps its lists in, and the NS records a pool gives its zones.</summary>
public static class PoolJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    /// <summary>
    /// The pool's stored NS records by priority; a pool that has none (the default pool before any
    /// pools.yaml was loaded) or is missing falls back to the configured default pool's.
    /// </summary>
    public static IReadOnlyList<NameServerView> NsRecords(string? stored, PoolOptions fallback)
    {
        var records = stored is null ? [] : Read<List<PoolNsRecord>>(stored);
        return records.Count > 0
            ? records.OrderBy(r => r.Priority).Select(r => new NameServerView(r.Hostname, r.Priority)).ToList()
            : fallback.EffectiveNsRecords.Select(r => new NameServerView(r.Hostname, r.Priority)).ToList();
    }

    public static async Task<IReadOnlyList<NameServerView>> NsRecordsAsync(ZonalDbContext db, Guid poolId, PoolOptions fallback, CancellationToken ct)
    {
        var stored = await db.Pools.AsNoTracking().Where(p => p.Id == poolId).Select(p => p.NsRecords).FirstOrDefaultAsync(ct);
        return NsRecords(stored, fallback);
    }
}
