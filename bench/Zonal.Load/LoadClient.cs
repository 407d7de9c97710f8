using System.Net;
using System.Text;
using System.Text.Json;

namespace Zonal.Load;

/// <summary>One simulated API client: its own connection, one request at a time, as a tenant of one project.</summary>
public sealed class LoadClient(Uri baseAddress, string project) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = baseAddress };

    public async Task<(HttpStatusCode Code, string Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Auth-Project-ID", project);
        request.Headers.Add("Accept", "application/json");
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Creates a zone and returns its id; any other answer than 202 stops the run.</summary>
    public async Task<string> CreateZoneAsync(string name)
    {
        var (code, body) = await SendAsync(HttpMethod.Post, "/v2/zones", $$"""{"name": "{{name}}", "email": "hostmaster@example.org"}""");
        if (code != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"zone create answered {(int)code}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public void Dispose() => _http.Dispose();
}
