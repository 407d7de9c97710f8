using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Zonal.Service.Tests.Infrastructure;

/// <summary>An HTTP client for the v2 API acting as one project (noauth headers).</summary>
public sealed class ApiClient(Uri baseAddress, string? project, string? roles)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
    {
        Timeout = TimeSpan.FromSeconds(100),
    };

    public Dictionary<string, string> Headers { get; } = [];

    public string? Project => project;

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public Task<ApiResponse> PostAsync(string path, string? json, string contentType = "application/json") =>
        SendAsync(HttpMethod.Post, path, json, contentType);

    public Task<ApiResponse> PatchAsync(string path, string json) => SendAsync(HttpMethod.Patch, path, json);

    public Task<ApiResponse> PutAsync(string path, string json) => SendAsync(HttpMethod.Put, path, json);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, path));
        if (project is not null)
        {
            request.Headers.Add("X-Auth-Project-ID", project);
        }

        if (roles is not null)
        {
            request.Headers.Add("X-Roles", roles);
        }

        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, text, response.Headers.Location?.ToString(), response.Headers.TryGetValues("X-OpenStack-Request-ID", out var ids) ? ids.First() : null);
    }
}

public sealed record ApiResponse(HttpStatusCode Status, string Text, string? Location, string? RequestId)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    public int Code => (int)Status;

    public string Str(string property) => Json.GetProperty(property).GetString()!;

    public override string ToString() => $"{Code} {Text}";
}
