using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api.ZoneTasks;

/// <summary>Zone files to import and the wait for a task to leave PENDING.</summary>
public static class ZoneTaskData
{
    /// <summary>A zone with an escaped dot in its SOA mailbox, a delegation, and records of several types.</summary>
    public static string ZoneFile(string name) => $"""
        $ORIGIN {name}
        $TTL 600
        @       900 IN SOA ns.{name} first\.last.example.org. 2024010101 7200 1800 1209600 300
                    IN NS  ns.{name}
                    IN NS  ns2.elsewhere.example.
                    IN MX  10 mail
        ns          IN A   192.0.2.53
        www     300 IN A   192.0.2.1
        www         IN A   192.0.2.2
        www         IN AAAA 2001:db8::1
        mail        IN A   192.0.2.25
        alias       IN CNAME www
        txt         IN TXT "hello world" "second string"
        @           IN CAA 0 issue "letsencrypt.org"
        _sip._tcp   IN SRV 10 60 5060 sip.example.org.
        child       IN NS  ns1.child.{name}
        ns1.child   IN A   192.0.2.99
        """;

    /// <summary>Posts a zone file; fails the test unless the API accepted the task.</summary>
    public static async Task<ApiResponse> ImportAsync(ApiClient client, string zoneFile)
    {
        var response = await client.PostAsync("/v2/zones/tasks/imports", zoneFile, "text/dns");
        Assert.True(response.Code == 202, response.ToString());
        return response;
    }

    /// <summary>The task once it is COMPLETE or ERROR (or still PENDING after the deadline, which fails the caller's checks).</summary>
    public static async Task<ApiResponse> WaitDoneAsync(ApiClient client, string location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await client.GetAsync(location);
            if (response.Code != 200 || response.Str("status") != "PENDING" || DateTime.UtcNow > deadline)
            {
                return response;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Imports and waits; fails the test unless the import completed.</summary>
    public static async Task<string> ImportZoneAsync(ApiClient client, string zoneFile)
    {
        var done = await WaitDoneAsync(client, (await ImportAsync(client, zoneFile)).Location!);
        Assert.True(done.Str("status") == "COMPLETE", done.ToString());
        return done.Str("zone_id");
    }

    /// <summary>Each record set of a zone as "name type ttl data|data", sorted, for comparing zones.</summary>
    public static async Task<string[]> RecordSetsAsync(ApiClient client, string zoneId)
    {
        var sets = (await client.GetAsync($"/v2/zones/{zoneId}/recordsets?limit=1000")).Json.GetProperty("recordsets");
        return sets.EnumerateArray()
            .Select(s => $"{s.GetProperty("name").GetString()} {s.GetProperty("type").GetString()} {string.Join('|', TestData.Strings(s.GetProperty("records")).Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
