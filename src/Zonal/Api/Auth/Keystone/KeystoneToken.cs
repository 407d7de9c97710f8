using System.Globalization;
using System.Text.Json;

namespace Zonal.Api.Auth.Keystone;

/// <summary>What Zonal uses of a token Keystone confirmed: who, for which project, with which roles, until when.</summary>
public sealed record KeystoneToken(string? ProjectId, string? UserId, IReadOnlyList<string> Roles, string? SystemScope, DateTimeOffset ExpiresAt)
{
    /// <summary>Reads the body of GET /v3/auth/tokens (or POST): {"token": {user, project, roles, system, expires_at}}.</summary>
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
            DateTimeOffset.Parse(token.GetProperty("expires_at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }

    private static string? IdOf(JsonElement token, string name) =>
        token.TryGetProperty(name, out var owner) && owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty("id", out var id)
            ? id.GetString()
            : null;
}
