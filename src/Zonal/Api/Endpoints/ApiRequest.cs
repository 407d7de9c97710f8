using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Api.Auth;
using Zonal.Api.Json;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;

namespace Zonal.Api.Endpoints;

/// <summary>What every endpoint needs: the caller's context, the bus, path ids and JSON answers.</summary>
public static class ApiRequest
{
    public static Task<RequestContext> ContextAsync(HttpContext http) =>
        http.RequestServices.GetRequiredService<IRequestContextFactory>().CreateAsync(http);

    public static IMessageBus Bus(HttpContext http) => http.RequestServices.GetRequiredService<IMessageBus>();

    /// <summary>A path id must look like a UUID, else 400 invalid_uuid (never a 404).</summary>
    public static Guid Id(HttpContext http, string name)
    {
        var text = http.Request.RouteValues[name]?.ToString();
        return Guid.TryParseExact(text, "D", out var id) ? id : throw new ServiceError(400, "invalid_uuid", "Invalid UUID");
    }

    public static async Task WriteAsync(HttpContext http, int status, object body, string? location = null)
    {
        http.Response.StatusCode = status;
        if (location is not null)
        {
            http.Response.Headers.Location = location;
        }

        http.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(http.Response.Body, body, body.GetType(), ApiJson.Options, http.RequestAborted);
    }

    /// <summary>A counted collection as Designate writes it: the items, links (next while a full page came back) and metadata.total_count.</summary>
    public static Task WritePageAsync<T>(HttpContext http, string collection, Page<T> page, int limit, Func<T, object> render, Func<T, Guid> id) =>
        WriteAsync(http, 200, new Dictionary<string, object?>
        {
            [collection] = page.Items.Select(render).ToList(),
            ["links"] = ListRequest.Links(http.Request, page.Items.Count, limit, page.Items.Count > 0 ? id(page.Items[^1]) : null),
            ["metadata"] = new Dictionary<string, long?> { ["total_count"] = page.TotalCount },
        });
}
