using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Zonal.Api.Endpoints;

/// <summary>Version discovery: a flat list of every v2 minor version, all served at the one /v2 URL.</summary>
public static class VersionEndpoints
{
    private static readonly (string Id, string Updated, string Status)[] Versions =
    [
        ("v2", "2022-06-29T00:00:00Z", "SUPPORTED"),
        ("v2.0", "2022-06-29T00:00:00Z", "SUPPORTED"),
        ("v2.1", "2023-01-25T00:00:00Z", "SUPPORTED"),
        ("v2.2", "2025-08-25T00:00:00Z", "SUPPORTED"),
        ("v2.3", "2026-04-06T00:00:00Z", "SUPPORTED"),
        ("v2.4", "2026-04-13T00:00:00Z", "CURRENT"),
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", ListAsync);
        app.MapGet("/v2", ListAsync);
        app.MapGet("/healthcheck", (HttpContext http) => http.Response.WriteAsync("OK"));
    }

    private static Task ListAsync(HttpContext http)
    {
        var v2 = ApiLinks.Base(http.Request) + "/v2";
        var versions = Versions.Select(v => new Dictionary<string, object>
        {
            ["id"] = v.Id,
            ["status"] = v.Status,
            ["updated"] = v.Updated,
            ["links"] = new[]
            {
                new Dictionary<string, string> { ["href"] = v2, ["rel"] = "self" },
                new Dictionary<string, string> { ["href"] = "https://docs.openstack.org/api-ref/dns", ["rel"] = "help" },
            },
        }).ToList();
        return ApiRequest.WriteAsync(http, 200, new Dictionary<string, object> { ["versions"] = versions });
    }
}
