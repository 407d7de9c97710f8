using System.Text.Json;

namespace Zonal.Pools;

/// <summary>The JSON text a pool row keeps its lists (targets, nameservers, ns_records, also_notifies) in.</summary>
public static class PoolJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
