using System.Globalization;
using System.Text.Json;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Auth.Keystone;

/// <summary>
/// What Zonal uses of a token Keystone confirmed: who, for which project, with which roles, until when,
/// and the network endpoints of its service catalog (where the caller's floating IPs are).
/// </summary>
public sealed record KeystoneToken(string? ProjectId, string? UserId, IReadOnlyList<string> Roles, string? SystemScope, DateTimeOffset ExpiresAt)
{
    public IReadOnlyList<NetworkEndpoint> NetworkEndpoints { get; init; } = [];

    /// <summary>Reads the body of GET /v3/auth/tokens (or POST): {"token": {user, project, roles, system, expires_at, catalog}}.</summary>
    public static KeystoneToken Parse(JsonElement body)
    {
        var token = body.GetProperty("token");
        var roles = token.TryGetProperty("roles", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToList()
            : [];
        string? system = token.TryGetProperty("system", out var scope) && scope.ValueKind == JsonValueKind.Object
            && scope.TryGetProperty("all", out var all) && all.ValueKind == JsonValueKind.True ? "all" : null;
        return new KeystoneToken(
            IdOf(token, "project"),
            IdOf(token, "user"),
            roles,
            system,
            DateTimeOffset.Parse(token.GetProperty("expires_at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
        {
            NetworkEndpoints = Network(token),
        };
    }

    /// <summary>The catalog's endpoints of type network: {"catalog": [{"type", "endpoints": [{"interface", "region_id", "url"}]}]}.</summary>
    private static List<NetworkEndpoint> Network(JsonElement token) =>
        token.TryGetProperty("catalog", out var catalog) && catalog.ValueKind == JsonValueKind.Array
            ? catalog.EnumerateArray()
                .Where(service => service.TryGetProperty("type", out var type) && type.GetString() == "network" && service.TryGetProperty("endpoints", out _))
                .SelectMany(service => service.GetProperty("endpoints").EnumerateArray())
                .Select(e => new NetworkEndpoint(Text(e, "region_id") ?? Text(e, "region") ?? "", Text(e, "url") ?? "", Text(e, "interface") ?? "public"))
                .Where(e => e.Url.Length > 0)
                .ToList()
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? IdOf(JsonElement token, string name) =>
        token.TryGetProperty(name, out var owner) && owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty("id", out var id)
            ? id.GetString()
            : null;
}
