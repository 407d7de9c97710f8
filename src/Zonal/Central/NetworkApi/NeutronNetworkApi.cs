using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Central.NetworkApi;

/// <summary>
/// Neutron's REST API: GET {endpoint}/v2.0/floatingips?tenant_id=… in every region at once, with the
/// caller's token. A region that answers 401 is skipped (the project may have no network there), as
/// Designate does; any other failure fails the request with 504 neutron_communication_failure.
/// </summary>
public sealed class NeutronNetworkApi : INetworkApi, IDisposable
{
    private readonly HttpClient _http;
    private readonly IOptions<ZonalOptions> _options;
    private readonly ILogger<NeutronNetworkApi> _logger;

    public NeutronNetworkApi(IOptions<ZonalOptions> options, ILogger<NeutronNetworkApi> logger)
    {
        _options = options;
        _logger = logger;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(options.Value.Neutron.Timeout) };
    }

    public async Task<IReadOnlyList<FloatingIp>> ListFloatingIpsAsync(NetworkCaller caller, string projectId, string? region, CancellationToken ct)
    {
        var endpoints = NeutronEndpoints.Resolve(_options.Value.Neutron, caller.Catalog, region);
        var answers = await Task.WhenAll(endpoints.Select(e => FetchAsync(e, caller.Token, projectId, ct)));
        var failed = endpoints.Zip(answers).Where(a => a.Second is null).Select(a => $"{a.First.Url} - {a.First.Region}").ToList();
        if (failed.Count > 0)
        {
            throw new ServiceError(504, "neutron_communication_failure", $"Failed retrieving FloatingIPs from Neutron in {string.Join(", ", failed)}");
        }

        return answers.SelectMany(a => a!).ToList();
    }

    /// <summary>One region's floating IPs; empty when Neutron says 401, null when it could not be read.</summary>
    private async Task<IReadOnlyList<FloatingIp>?> FetchAsync(NetworkEndpoint endpoint, string? token, string projectId, CancellationToken ct)
    {
        var url = $"{endpoint.Url.TrimEnd('/')}/v2.0/floatingips?tenant_id={Uri.EscapeDataString(projectId)}";
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (token is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
            }

            using var response = await _http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                _logger.LogWarning("Neutron {Url} in {Region} answered 401 for project {Project}; its floating IPs there are left out", endpoint.Url, endpoint.Region, projectId);
                return [];
            }

            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            return Read(document.RootElement, endpoint.Region);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or SocketException or KeyNotFoundException or InvalidOperationException or FormatException
            || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            _logger.LogError(e, "Failed calling Neutron {Region} - {Url}", endpoint.Region, endpoint.Url);
            return null;
        }
    }

    /// <summary>{"floatingips": [{"id", "floating_ip_address", …}]}; reverse DNS is IPv4 only, so other addresses are left out.</summary>
    public static IReadOnlyList<FloatingIp> Read(JsonElement root, string region) =>
        root.GetProperty("floatingips").EnumerateArray()
            .Select(fip => new FloatingIp(region, Guid.Parse(fip.GetProperty("id").GetString()!), fip.GetProperty("floating_ip_address").GetString()!))
            .Where(fip => ReverseNames.IsIpv4(fip.Address))
            .ToList();

    public void Dispose() => _http.Dispose();
}
