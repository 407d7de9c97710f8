using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Api.Auth;
using Zonal.Api.Json;
using Zonal.Domain;
using Zonal.Messaging;

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
}
