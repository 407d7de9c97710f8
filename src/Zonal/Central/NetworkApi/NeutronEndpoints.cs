using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Central.NetworkApi;

/// <summary>Which Neutron to ask: the configured "region|url" entries, else the caller's service catalog (Designate's order).</summary>
public static class NeutronEndpoints
{
    public static IReadOnlyList<NetworkEndpoint> Resolve(NeutronOptions options, IReadOnlyList<NetworkEndpoint> catalog, string? region)
    {
        var configured = Configured(options);
        var face = Interface(options.EndpointType);
        var known = configured.Count > 0 ? configured : catalog.Where(e => string.Equals(e.Interface, face, StringComparison.OrdinalIgnoreCase)).ToList();
        if (known.Count == 0)
        {
            throw NoEndpoint("No network endpoint is configured ([network_api:neutron] endpoints) and the service catalog has none");
        }

        var chosen = region is null ? known : known.Where(e => e.Region == region).ToList();
        return chosen.Count > 0 ? chosen : throw NoEndpoint($"No network endpoint for region '{region}'");
    }

    /// <summary>Parses the configured entries; an entry without "region|url" stops the request with what is wrong.</summary>
    public static IReadOnlyList<NetworkEndpoint> Configured(NeutronOptions options) =>
        options.Endpoints
            .SelectMany(entry => entry.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(Parse)
            .ToList();

    private static NetworkEndpoint Parse(string entry)
    {
        var parts = entry.Split('|');
        if (parts.Length != 2 || parts[0].Length == 0 || !Uri.TryCreate(parts[1], UriKind.Absolute, out _))
        {
            throw new ServiceError(500, "configuration_error", $"[network_api:neutron] endpoints entry '{entry}' is not 'region|url'");
        }

        return new NetworkEndpoint(parts[0], parts[1]);
    }

    /// <summary>Designate's endpoint_type (Keystone v2: publicURL, internalURL, adminURL) as a v3 interface.</summary>
    private static string Interface(string endpointType) =>
        endpointType.EndsWith("URL", StringComparison.Ordinal) ? endpointType[..^3] : endpointType;

    private static ServiceError NoEndpoint(string message) => new(403, "no_endpoint", message);
}
