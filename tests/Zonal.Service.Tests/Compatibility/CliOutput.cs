using System.Text.Json;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Compatibility;

/// <summary>Reading the CLI's `-f json` tables and waiting for the service to finish what a command started.</summary>
public static class CliOutput
{
    /// <summary>The client prints a record set's records as one string, one record a line; order is not kept.</summary>
    public static string[] Records(JsonElement row) =>
        row.GetProperty("records").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();

    public static string[] Sorted(params string[] records) => records.Order(StringComparer.Ordinal).ToArray();

    public static string Str(this JsonElement row, string property) => row.GetProperty(property).GetString()!;

    /// <summary>Deletes finish asynchronously: waits until the API no longer finds <paramref name="path"/>.</summary>
    public static async Task WaitUntilGoneAsync(ApiClient client, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var response = await client.GetAsync(path);
        while (response.Code != 404 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            response = await client.GetAsync(path);
        }

        Assert.True(response.Code == 404, $"{path} still there: {response}");
    }
}
