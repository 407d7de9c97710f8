using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;
using Zonal.Pools;

namespace Zonal.Backends.Pdns4;

/// <summary>
/// PowerDNS 4 through its HTTP API: a zone of kind slave whose masters are MiniDNS, created (after
/// removing a stale one of the same name) and deleted under /api/v1/servers/localhost/zones.
/// Options are Designate's: api_endpoint, api_token (sent as X-API-Key), api_ca_cert, tsigkey_name.
/// </summary>
public sealed class Pdns4Backend : IBackend, IDisposable
{
    private readonly HttpClient _http;
    private readonly TargetSettings _settings;
    private readonly IReadOnlyList<string> _masters;
    private readonly string? _tsigKeyName;

    public Pdns4Backend(PoolTarget target)
    {
        _settings = new TargetSettings(target.Options, $"pdns4 target {target.Options.GetValueOrDefault("api_endpoint", "(no api_endpoint)")}");
        var endpoint = new Uri(_settings.Require("api_endpoint").TrimEnd('/') + "/api/v1/servers/localhost/");
        _masters = target.Masters.Count > 0
            ? target.Masters.Select(m => IPAddress.TryParse(m.Host, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{m.Host}]:{m.Port}" : $"{m.Host}:{m.Port}").ToList()
            : throw new BackendException($"{_settings.Target}: the target has no masters to transfer from");
        _tsigKeyName = _settings.Get("tsigkey_name");
        _http = new HttpClient(Handler(_settings.Get("api_ca_cert"))) { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Add("X-API-Key", _settings.Require("api_token"));
    }

    public async Task CreateZoneAsync(BackendZone zone, CancellationToken ct)
    {
        // A retry or a coalesced change may create again: a secondary already pulling from our masters
        // is kept. Any other zone of that name is removed first (Designate's rule), so the new one
        // starts clean with MiniDNS as its master.
        using (var existing = await SendAsync(HttpMethod.Get, ZonePath(zone), null, ct))
        {
            if (existing.IsSuccessStatusCode)
            {
                var current = await existing.Content.ReadFromJsonAsync<PdnsZone>(ct);
                if (current is not null && current.Kind.Equals("slave", StringComparison.OrdinalIgnoreCase) && current.Masters.Order().SequenceEqual(_masters.Order()))
                {
                    return;
                }

                await DeleteZoneAsync(zone, hardDelete: true, ct);
            }
        }

        var body = new PdnsZone(Absolute(zone.Name), "slave", _masters, [], _tsigKeyName is null ? null : [_tsigKeyName]);
        using var response = await SendAsync(HttpMethod.Post, "zones", JsonContent.Create(body), ct);
        await CheckAsync(response, "create", zone, ct);
    }

    public async Task DeleteZoneAsync(BackendZone zone, bool hardDelete, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Delete, ZonePath(zone), null, ct);
        // 404 (and 422 on older servers) mean there is no such zone: already deleted.
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity)
        {
            return;
        }

        await CheckAsync(response, "delete", zone, ct);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>PowerDNS names a zone by its absolute name, with '/' escaped as =2F.</summary>
    private static string ZonePath(BackendZone zone)
    {
        return "zones/" + Uri.EscapeDataString(Absolute(zone.Name).Replace("/", "=2F", StringComparison.Ordinal));
    }

    private static string Absolute(string name) => name.EndsWith('.') ? name : name + ".";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        try
        {
            return await _http.SendAsync(new HttpRequestMessage(method, path) { Content = content }, ct);
        }
        catch (HttpRequestException e)
        {
            throw new BackendException($"{_settings.Target}: {method} {path} failed: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new BackendException($"{_settings.Target}: {method} {path} timed out", e);
        }
    }

    private async Task CheckAsync(HttpResponseMessage response, string operation, BackendZone zone, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new BackendException($"{_settings.Target}: {operation} of zone {zone.Name} answered {(int)response.StatusCode}: {text}");
        }
    }

    /// <summary>With api_ca_cert the server's certificate must chain to that CA; otherwise the system's trust applies.</summary>
    private static HttpMessageHandler Handler(string? caCertPath)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (caCertPath is not null)
        {
            var ca = X509CertificateLoader.LoadCertificateFromFile(caCertPath);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (certificate is null)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return (errors & ~System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors) == 0
                    && chain.Build(new X509Certificate2(certificate));
            };
        }

        return handler;
    }

    private sealed record PdnsZone(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("masters")] IReadOnlyList<string> Masters,
        [property: JsonPropertyName("nameservers")] IReadOnlyList<string> Nameservers,
        [property: JsonPropertyName("slave_tsig_key_ids"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? SlaveTsigKeyIds);
}
