using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

/// <summary>
/// The large-zone mode's starting point: a zone of N A records (plus SOA and NS) imported as a zone
/// file through the API's import task, which writes the records in bulk.
/// </summary>
internal static class LargeZone
{
    /// <summary>Imports the zone and returns its id once the import task is COMPLETE.</summary>
    public static async Task<string> ImportAsync(HttpClient http, string origin, int records)
    {
        var file = new StringBuilder($"$ORIGIN {origin}\n$TTL 300\n@ IN SOA ns1.example.net. hostmaster.example.org. 1 3600 600 86400 300\n@ IN NS ns1.example.net.\n");
        for (int i = 0; i < records; i++)
        {
            // Addresses in 198.18.0.0/15 (benchmarking), up to 131,072 distinct ones.
            file.Append('h').Append(i).Append(" IN A 198.").Append(18 + i / 65536).Append('.').Append(i / 256 % 256).Append('.').Append(i % 256).Append('\n');
        }

        using var response = await http.PostAsync("/v2/zones/tasks/imports", new StringContent(file.ToString(), Encoding.UTF8, "text/dns"));
        var task = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"import: {(int)response.StatusCode} {task}");
        }

        var location = task.GetProperty("links").GetProperty("self").GetString()!;
        while (true)
        {
            var state = await http.GetFromJsonAsync<JsonElement>(location);
            switch (state.GetProperty("status").GetString())
            {
                case "COMPLETE":
                    return state.GetProperty("zone_id").GetString()!;
                case "PENDING":
                    await Task.Delay(100);
                    break;
                default:
                    throw new InvalidOperationException($"import: {state}");
            }
        }
    }
}
