using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zonal.Configuration;

namespace Zonal.Api.Auth.Keystone;

/// <summary>
/// Keystone v3 as keystonemiddleware uses it: the service authenticates itself once (password, project
/// scope) and validates each user token with GET /v3/auth/tokens (service token + X-Subject-Token).
/// A 401 for the service token means it expired or was revoked: authenticate again and retry once.
/// </summary>
public sealed class KeystoneClient
{
    /// <summary>keystoneauth's margin: a service token this close to expiry is replaced before use.</summary>
    private static readonly TimeSpan StaleMargin = TimeSpan.FromSeconds(30);

    private const int ConnectionAttempts = 3;

    private readonly KeystoneAuthTokenOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger<KeystoneClient> _logger;
    private readonly SemaphoreSlim _serviceLock = new(1, 1);
    private readonly string _authUrl;
    private ServiceToken? _service;

    public KeystoneClient(IOptions<ZonalOptions> options, KeystoneTransport transport, TimeProvider time, ILogger<KeystoneClient> logger)
    {
        _options = options.Value.KeystoneAuthToken;
        _http = new HttpClient(transport.Handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(_options.HttpConnectTimeout) };
        _time = time;
        _logger = logger;
        _authUrl = _options.AuthUrl.TrimEnd('/');
    }

    /// <summary>The token's data when Keystone confirms it, null when Keystone does not recognise it.</summary>
    public async Task<KeystoneToken?> ValidateAsync(string subjectToken, CancellationToken ct)
    {
        // With its catalog: the network endpoints in it are where the caller's floating IPs are asked for.
        using var response = await SendAsServiceAsync("/auth/tokens", subjectToken, ct);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => KeystoneToken.Parse(await ReadJsonAsync(response, ct)),
            HttpStatusCode.NotFound => null,
            _ => throw new KeystoneUnavailableException($"Keystone answered {(int)response.StatusCode} to token validation"),
        };
    }

    /// <summary>Keystone's status for GET /v3/projects/{id}, asked with the service token.</summary>
    public async Task<HttpStatusCode> ProjectStatusAsync(string projectId, CancellationToken ct)
    {
        using var response = await SendAsServiceAsync("/projects/" + Uri.EscapeDataString(projectId), null, ct);
        return response.StatusCode;
    }

    /// <summary>A GET carrying the service token; a 401 for that token replaces it and asks once more.</summary>
    private async Task<HttpResponseMessage> SendAsServiceAsync(string path, string? subjectToken, CancellationToken ct)
    {
        for (int attempt = 0; ; attempt++)
        {
            var service = await ServiceTokenAsync(ct);
            var response = await SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, _authUrl + path);
                request.Headers.TryAddWithoutValidation("X-Auth-Token", service.Id);
                if (subjectToken is not null)
                {
                    request.Headers.TryAddWithoutValidation("X-Subject-Token", subjectToken);
                }

                return request;
            }, ct);
            if (response.StatusCode != HttpStatusCode.Unauthorized || attempt > 0)
            {
                return response;
            }

            response.Dispose();
            _logger.LogInformation("Keystone refused the service token; authenticating again");
            Interlocked.CompareExchange(ref _service, null, service);
        }
    }

    private async Task<ServiceToken> ServiceTokenAsync(CancellationToken ct)
    {
        var current = Volatile.Read(ref _service);
        if (current is not null && !current.IsStale(_time.GetUtcNow()))
        {
            return current;
        }

        await _serviceLock.WaitAsync(ct);
        try
        {
            current = _service;
            if (current is null || current.IsStale(_time.GetUtcNow()))
            {
                current = await AuthenticateServiceAsync(ct);
                Volatile.Write(ref _service, current);
            }

            return current;
        }
        finally
        {
            _serviceLock.Release();
        }
    }

    private async Task<ServiceToken> AuthenticateServiceAsync(CancellationToken ct)
    {
        var body = PasswordAuthBody();
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, _authUrl + "/auth/tokens?nocatalog")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        }, ct);
        if (response.StatusCode != HttpStatusCode.Created || !response.Headers.TryGetValues("X-Subject-Token", out var ids))
        {
            throw new KeystoneUnavailableException($"Keystone answered {(int)response.StatusCode} to the service's own authentication as {_options.Username}");
        }

        var token = KeystoneToken.Parse(await ReadJsonAsync(response, ct));
        return new ServiceToken(ids.First(), token.ExpiresAt);
    }

    private string PasswordAuthBody() => new JsonObject
    {
        ["auth"] = new JsonObject
        {
            ["identity"] = new JsonObject
            {
                ["methods"] = new JsonArray("password"),
                ["password"] = new JsonObject
                {
                    ["user"] = new JsonObject
                    {
                        ["name"] = _options.Username,
                        ["domain"] = new JsonObject { ["name"] = _options.UserDomainName },
                        ["password"] = _options.Password,
                    },
                },
            },
            ["scope"] = new JsonObject
            {
                ["project"] = new JsonObject
                {
                    ["name"] = _options.ProjectName,
                    ["domain"] = new JsonObject { ["name"] = _options.ProjectDomainName },
                },
            },
        },
    }.ToJsonString();

    /// <summary>
    /// Sends a fresh request, again when an attempt fails on the connection: a server may drop an idle
    /// keep-alive connection unannounced (uwsgi's bare http-socket even resets fresh ones now and then).
    /// Both calls are safe to repeat; a Keystone that is really down fails every attempt.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken ct)
    {
        for (int attempt = 0; ; attempt++)
        {
            using var message = request();
            try
            {
                return await _http.SendAsync(message, ct);
            }
            catch (HttpRequestException) when (attempt < ConnectionAttempts - 1)
            {
            }
            catch (HttpRequestException e)
            {
                throw new KeystoneUnavailableException($"Keystone at {_authUrl} is unreachable: {e.Message}", e);
            }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
            {
                throw new KeystoneUnavailableException($"Keystone at {_authUrl} did not answer within {_http.Timeout}", e);
            }
        }
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        return document.RootElement.Clone();
    }

    private sealed record ServiceToken(string Id, DateTimeOffset ExpiresAt)
    {
        public bool IsStale(DateTimeOffset now) => now >= ExpiresAt - StaleMargin;
    }
}
