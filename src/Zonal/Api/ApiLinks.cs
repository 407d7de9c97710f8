using Microsoft.AspNetCore.Http;

namespace Zonal.Api;

/// <summary>Links are built from the request's own host, as Designate does with enable_host_header.</summary>
public static class ApiLinks
{
    public static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    public static string Zone(HttpRequest request, Guid zoneId) => $"{Base(request)}/v2/zones/{zoneId}";

    public static string RecordSet(HttpRequest request, Guid zoneId, Guid recordSetId) =>
        $"{Base(request)}/v2/zones/{zoneId}/recordsets/{recordSetId}";

    public static string FloatingIps(HttpRequest request) => $"{Base(request)}/v2/reverse/floatingips";

    public static string FloatingIp(HttpRequest request, string key) => $"{FloatingIps(request)}/{key}";
}
