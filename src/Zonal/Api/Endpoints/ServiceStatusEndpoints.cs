using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Endpoints;

/// <summary>/v2/service_statuses (and Designate's alias /v2/service_status): heartbeats of the components, admin only.</summary>
public static class ServiceStatusEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var prefix in new[] { "/v2/service_statuses", "/v2/service_status" })
        {
            app.MapGet(prefix, ListAsync);
            app.MapGet(prefix + "/{service_status_id}", ShowAsync);
        }
    }

    private static async Task ListAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var statuses = await ApiRequest.Bus(http).CallAsync(new ListServiceStatuses(ctx), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, new Dictionary<string, object>
        {
            ["service_statuses"] = statuses.Select(s => Body(s, http.Request)).ToList(),
            ["links"] = new Dictionary<string, string> { ["self"] = ApiLinks.Base(http.Request) + http.Request.Path + http.Request.QueryString },
        });
    }

    private static async Task ShowAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var status = await ApiRequest.Bus(http).CallAsync(new GetServiceStatus(ctx, ApiRequest.Id(http, "service_status_id")), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, Body(status, http.Request));
    }

    private static Dictionary<string, object?> Body(ServiceStatusView status, HttpRequest request) => new()
    {
        ["id"] = status.Id,
        ["hostname"] = status.Hostname,
        ["service_name"] = status.ServiceName,
        ["status"] = status.Status,
        ["stats"] = status.Stats,
        ["capabilities"] = status.Capabilities,
        ["heartbeated_at"] = status.HeartbeatedAt,
        ["created_at"] = status.CreatedAt,
        ["updated_at"] = status.UpdatedAt,
        ["links"] = new Dictionary<string, string> { ["self"] = $"{ApiLinks.Base(request)}/v2/service_statuses/{status.Id}" },
    };
}
