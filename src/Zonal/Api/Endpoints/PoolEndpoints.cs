using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Endpoints;

/// <summary>/v2/pools, read-only: pools come from pools.yaml through `zonal manage pool-update`.</summary>
public static class PoolEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v2/pools", ListAsync);
        app.MapGet("/v2/pools/{pool_id}", ShowAsync);
    }

    private static async Task ListAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var pools = await ApiRequest.Bus(http).CallAsync(new ListPools(ctx), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, new Dictionary<string, object>
        {
            ["pools"] = pools.Select(p => Body(p, http.Request)).ToList(),
            ["links"] = new Dictionary<string, string> { ["self"] = ApiLinks.Base(http.Request) + "/v2/pools" + http.Request.QueryString },
        });
    }

    private static async Task ShowAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var pool = await ApiRequest.Bus(http).CallAsync(new GetPool(ctx, ApiRequest.Id(http, "pool_id")), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, Body(pool, http.Request));
    }

    private static Dictionary<string, object?> Body(PoolView pool, HttpRequest request) => new()
    {
        ["id"] = pool.Id,
        ["project_id"] = pool.ProjectId,
        ["name"] = pool.Name,
        ["description"] = pool.Description,
        ["attributes"] = pool.Attributes,
        ["ns_records"] = pool.NsRecords.Select(ns => new Dictionary<string, object> { ["hostname"] = ns.Hostname, ["priority"] = ns.Priority }).ToList(),
        ["created_at"] = pool.CreatedAt,
        ["updated_at"] = pool.UpdatedAt,
        ["links"] = new Dictionary<string, string> { ["self"] = $"{ApiLinks.Base(request)}/v2/pools/{pool.Id}" },
    };
}
