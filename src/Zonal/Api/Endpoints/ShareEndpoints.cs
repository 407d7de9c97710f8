using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Api.Auth;
using Zonal.Api.Json;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Endpoints;

/// <summary>/v2/zones/{zone_id}/shares: share a zone with another project, list, show, unshare.</summary>
public static class ShareEndpoints
{
    private static readonly HashSet<string> CreateKeys = ["target_project_id"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v2/zones/{zone_id}/shares", CreateAsync);
        app.MapGet("/v2/zones/{zone_id}/shares", ListAsync);
        app.MapGet("/v2/zones/{zone_id}/shares/{share_id}", ShowAsync);
        app.MapDelete("/v2/zones/{zone_id}/shares/{share_id}", DeleteAsync);
    }

    /// <summary>201 without a Location header, as Designate answers.</summary>
    private static async Task CreateAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var zoneId = ApiRequest.Id(http, "zone_id");
        var body = await RequestBody.ReadAsync(http.Request, "SharedZone", CreateKeys);
        var target = body.RequiredString("target_project_id");
        bool mayExist = await http.RequestServices.GetRequiredService<IProjectVerifier>().MayExistAsync(target, http.RequestAborted);
        var share = await ApiRequest.Bus(http).CallAsync(new ShareZone(ctx, zoneId, target, mayExist), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 201, SharedZoneBody.From(share, http.Request));
    }

    private static async Task ListAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var zoneId = ApiRequest.Id(http, "zone_id");
        var query = AdminEndpoints.ParseList(http, SharingListFields.ShareFilters, SharingListFields.ShareSortKeys);
        var page = await ApiRequest.Bus(http).CallAsync(new ListZoneShares(ctx, zoneId, query), http.RequestAborted);
        await AdminEndpoints.WriteListAsync(http, "shared_zones", query, page, s => s.Id, s => SharedZoneBody.From(s, http.Request));
    }

    private static async Task ShowAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var share = await ApiRequest.Bus(http).CallAsync(
            new GetZoneShare(ctx, ApiRequest.Id(http, "zone_id"), ApiRequest.Id(http, "share_id")), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, SharedZoneBody.From(share, http.Request));
    }

    private static async Task DeleteAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        await ApiRequest.Bus(http).CallAsync(
            new UnshareZone(ctx, ApiRequest.Id(http, "zone_id"), ApiRequest.Id(http, "share_id")), http.RequestAborted);
        http.Response.StatusCode = 204;
    }
}
