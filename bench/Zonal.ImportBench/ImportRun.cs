using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Hosting;

namespace Zonal.ImportBench;

/// <summary>
/// One import end to end: the embedded service in this process over one database, the zone file
/// POSTed as text/dns over loopback HTTP, timed until the task is COMPLETE.
/// </summary>
public sealed class ImportRun(string database) : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(10) };
    private WebApplication? _app;
    private Uri _base = null!;

    public async Task StartAsync()
    {
        _app = ZonalApp.Build([], new Dictionary<string, string?>
        {
            ["Zonal:Database"] = database,
            ["Zonal:Api:Listen"] = "http://127.0.0.1:0",
            ["Zonal:DefaultPool:NsRecords:0:Hostname"] = "ns1.example.net.",
            ["Zonal:DefaultPool:NsRecords:0:Priority"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Zonal.Central.ZoneImporter"] = "Information",
        });
        await ZonalApp.MigrateAsync(_app.Services);
        await _app.StartAsync();
        _base = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await SendAsync(HttpMethod.Patch, "/v2/quotas/noauth-project", """{"zones": -1, "zone_recordsets": -1, "zone_records": -1, "recordset_records": -1}""", "application/json");
    }

    /// <summary>Imports <paramref name="zoneFile"/> and returns the time from the POST to COMPLETE, and the zone's id.</summary>
    public async Task<(TimeSpan Elapsed, string ZoneId)> ImportAsync(string zoneFile)
    {
        var clock = Stopwatch.StartNew();
        var created = await SendAsync(HttpMethod.Post, "/v2/zones/tasks/imports", zoneFile, "text/dns");
        var location = created.RootElement.GetProperty("links").GetProperty("self").GetString()!;
        while (true)
        {
            using var task = JsonDocument.Parse(await Http.GetStringAsync(location));
            var status = task.RootElement.GetProperty("status").GetString();
            if (status == "COMPLETE")
            {
                return (clock.Elapsed, task.RootElement.GetProperty("zone_id").GetString()!);
            }

            if (status != "PENDING")
            {
                throw new InvalidOperationException($"import ended {status}: {task.RootElement.GetProperty("message")}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Waits until the worker has confirmed the zone (every record ACTIVE), so the next run does not
    /// queue behind that status write, and the process never stops in the middle of it.
    /// </summary>
    public async Task<TimeSpan> WaitActiveAsync(string zoneId)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var zone = JsonDocument.Parse(await Http.GetStringAsync(new Uri(_base, $"/v2/zones/{zoneId}")));
            if (zone.RootElement.GetProperty("status").GetString() == "ACTIVE")
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, string body, string contentType)
    {
        using var request = new HttpRequestMessage(method, new Uri(_base, path)) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonDocument.Parse(text) : throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
    }
}
