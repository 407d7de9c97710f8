using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Zonal.Api.Json;
using Zonal.Central;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Endpoints;

/// <summary>/v2/quotas and /v2/limits: flat dicts of numbers, no links, as Designate answers.</summary>
public static class QuotaEndpoints
{
    private static readonly HashSet<string> Keys = [.. QuotaKeys.All];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v2/quotas", ShowOwnAsync);
        app.MapGet("/v2/quotas/{project_id}", ShowAsync);
        app.MapPatch("/v2/quotas/{project_id}", SetAsync);
        app.MapDelete("/v2/quotas/{project_id}", ResetAsync);
        app.MapGet("/v2/limits", LimitsAsync);
    }

    private static async Task ShowOwnAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var quotas = await ApiRequest.Bus(http).CallAsync(new GetQuotas(ctx, null), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, quotas);
    }

    private static async Task ShowAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var quotas = await ApiRequest.Bus(http).CallAsync(new GetQuotas(ctx, ProjectId(http)), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, quotas);
    }

    private static async Task SetAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var body = await RequestBody.ReadAsync(http.Request, "Quota", Keys);

        // Quotas range from -1 (unlimited) to 2147483647; JSON null is no value at all.
        var values = new Dictionary<string, int>();
        foreach (var key in QuotaKeys.All.Where(body.Has))
        {
            values[key] = body.Integer(key, -1) ?? throw Domain.ServiceError.InvalidObject($"{key} is invalid");
        }

        var quotas = await ApiRequest.Bus(http).CallAsync(new SetQuotas(ctx, ProjectId(http), values), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, quotas);
    }

    private static async Task ResetAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        await ApiRequest.Bus(http).CallAsync(new ResetQuotas(ctx, ProjectId(http)), http.RequestAborted);
        http.Response.StatusCode = 204;
    }

    private static async Task LimitsAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var limits = await ApiRequest.Bus(http).CallAsync(new GetLimits(ctx), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, limits);
    }

    /// <summary>Project ids are Keystone's, not necessarily UUIDs, so the path segment is taken as is.</summary>
    private static string ProjectId(HttpContext http) => http.Request.RouteValues["project_id"]!.ToString()!;
}
