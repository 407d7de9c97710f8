using System.Text.Json;

namespace Zonal.Service.Tests.Infrastructure;

public static class TestData
{
    /// <summary>A zone name no other test uses, under a made-up TLD so no two tests' zones nest.</summary>
    public static string ZoneName() => $"z{Guid.NewGuid():N}".Substring(0, 20) + ".test.";

    public static string ZoneBody(string name, string email = "hostmaster@example.org", string extra = "") =>
        $$"""{"name": "{{name}}", "email": "{{email}}"{{extra}}}""";

    public static string RecordSetBody(string name, string type, params string[] records) =>
        JsonSerializer.Serialize(new { name, type, records });

    /// <summary>Creates a zone and returns its id; fails the test unless the API accepted it.</summary>
    public static async Task<(string Id, string Name)> CreateZoneAsync(ApiClient client, string? name = null)
    {
        name ??= ZoneName();
        var response = await client.PostAsync("/v2/zones", ZoneBody(name));
        Assert.True(response.Code == 202, response.ToString());
        return (response.Str("id"), name);
    }

    public static async Task<ApiResponse> WaitForStatusAsync(ApiClient client, string path, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await client.GetAsync(path);
            if (response.Code != 200 || response.Str("status") == status || DateTime.UtcNow > deadline)
            {
                return response;
            }

            await Task.Delay(50);
        }
    }

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
