using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zonal.Api.Json;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Endpoints;

/// <summary>/v2/zones: create, list, show, update (PATCH), delete, nameservers, abandon, pool_move, xfr.</summary>
public static class ZoneEndpoints
{
    private static readonly HashSet<string> CreateKeys = ["name", "email", "ttl", "description", "type", "masters", "attributes", "pool_id"];

    // Read-only and create-only keys may be sent back only with their current value.
    private static readonly HashSet<string> PatchKeys = ["email", "ttl", "description", "masters", "attributes", "id", "name", "type", "project_id", "pool_id"];

    private static readonly HashSet<string> PoolMoveKeys = ["pool_id"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v2/zones", CreateAsync);
        app.MapGet("/v2/zones", ListAsync);
        app.MapGet("/v2/zones/{zone_id}", ShowAsync);
        app.MapPatch("/v2/zones/{zone_id}", UpdateAsync);
        app.MapDelete("/v2/zones/{zone_id}", DeleteAsync);
        app.MapGet("/v2/zones/{zone_id}/nameservers", NameServersAsync);
        app.MapPost("/v2/zones/{zone_id}/tasks/abandon", AbandonAsync);
        app.MapPost("/v2/zones/{zone_id}/tasks/pool_move", PoolMoveAsync);
        app.MapPost("/v2/zones/{zone_id}/tasks/xfr", XfrAsync);
    }

    private static async Task CreateAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var body = await RequestBody.ReadAsync(http.Request, "Zone", CreateKeys);
        var type = body.String("type") ?? ZoneType.Primary;
        // CATALOG fails the schema here (400, as Designate's API schema); central refuses it too (403) for other callers.
        if (type is not (ZoneType.Primary or ZoneType.Secondary))
        {
            throw ServiceError.Schema(new FieldError(["type"], $"'{type}' is not one of ['PRIMARY', 'SECONDARY']", "enum", new[] { ZoneType.Primary, ZoneType.Secondary }));
        }

        // pool_id is accepted as Designate does, then ignored: the scheduler picks the pool.
        body.String("pool_id");
        var zone = await ApiRequest.Bus(http).CallAsync(new CreateZone(
            ctx,
            body.RequiredString("name"),
            body.String("email"),
            body.Integer("ttl"),
            body.String("description"),
            type,
            body.StringList("masters"),
            body.StringMap("attributes")), http.RequestAborted);
        await WriteZoneAsync(http, zone, created: true);
    }

    private static async Task ListAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var options = http.RequestServices.GetRequiredService<IOptions<ZonalOptions>>().Value;
        var query = ListRequest.Parse(http.Request, options.Api, ListFields.ZoneFilters, ListFields.ZoneSortKeys, countTotal: true);
        var page = await ApiRequest.Bus(http).CallAsync(new ListZones(ctx, query), http.RequestAborted);
        await ApiRequest.WritePageAsync(http, "zones", page, query.Limit, z => ZoneBody.From(z, http.Request), z => z.Id);
    }

    private static async Task ShowAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var zone = await ApiRequest.Bus(http).CallAsync(new GetZone(ctx, ApiRequest.Id(http, "zone_id")), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, ZoneBody.From(zone, http.Request));
    }

    private static async Task UpdateAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var zoneId = ApiRequest.Id(http, "zone_id");
        var body = await RequestBody.ReadAsync(http.Request, "Zone", PatchKeys);
        var bus = ApiRequest.Bus(http);
        var current = await bus.CallAsync(new GetZone(ctx, zoneId), http.RequestAborted);
        if (body.Has("pool_id") && !string.Equals(body.String("pool_id"), current.PoolId.ToString("D"), StringComparison.OrdinalIgnoreCase))
        {
            // Designate writes the column without moving the zone; here a pool changes only by moving.
            throw ServiceError.InvalidObject($"pool_id cannot be changed with PATCH; move the zone with POST /v2/zones/{zoneId}/tasks/pool_move");
        }

        body.RejectChanged(new Dictionary<string, string?>
        {
            ["id"] = current.Id.ToString("D"),
            ["name"] = current.Name,
            ["type"] = current.Type,
            ["project_id"] = current.ProjectId,
        });
        var zone = await bus.CallAsync(new UpdateZone(
            ctx,
            zoneId,
            body.Has("email") ? new Present<string>(body.RequiredString("email")) : null,
            body.Has("ttl") ? new Present<int>(body.Integer("ttl") ?? throw NullTtl()) : null,
            body.Has("description") ? new Present<string?>(body.String("description")) : null,
            body.Has("masters") ? new Present<IReadOnlyList<string>>(body.StringList("masters")) : null,
            body.Has("attributes") ? new Present<IReadOnlyDictionary<string, string>>(body.StringMap("attributes")) : null), http.RequestAborted);
        await WriteZoneAsync(http, zone, created: false);
    }

    private static async Task DeleteAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var zone = await ApiRequest.Bus(http).CallAsync(new DeleteZone(ctx, ApiRequest.Id(http, "zone_id")), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 202, ZoneBody.From(zone, http.Request));
    }

    private static async Task AbandonAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        await ApiRequest.Bus(http).CallAsync(new AbandonZone(ctx, ApiRequest.Id(http, "zone_id")), http.RequestAborted);
        http.Response.StatusCode = 204;
    }

    /// <summary>The body, {"pool_id": uuid}, is optional: without it the scheduler picks the pool.</summary>
    private static async Task PoolMoveAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var zoneId = ApiRequest.Id(http, "zone_id");
        var body = await RequestBody.ReadOptionalAsync(http.Request, "Zone", PoolMoveKeys);
        Guid? poolId = body.Has("pool_id") ? AdminEndpoints.Uuid(body, "pool_id") : null;
        await ApiRequest.Bus(http).CallAsync(new MoveZonePool(ctx, zoneId, poolId), http.RequestAborted);
        http.Response.StatusCode = 202;
    }

    /// <summary>202 with an empty body: the transfer runs on in the worker.</summary>
    private static async Task XfrAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        await ApiRequest.Bus(http).CallAsync(new XfrZone(ctx, ApiRequest.Id(http, "zone_id")), http.RequestAborted);
        http.Response.StatusCode = 202;
    }

    private static async Task NameServersAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var servers = await ApiRequest.Bus(http).CallAsync(new GetZoneNameServers(ctx, ApiRequest.Id(http, "zone_id")), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, new Dictionary<string, object> { ["nameservers"] = servers });
    }

    /// <summary>202 while the change is pending on the nameservers, as Designate answers.</summary>
    private static Task WriteZoneAsync(HttpContext http, ZoneView zone, bool created)
    {
        var body = ZoneBody.From(zone, http.Request);
        int status = zone.Status == Status.Pending ? 202 : created ? 201 : 200;
        return ApiRequest.WriteAsync(http, status, body, created ? body.Links["self"] : null);
    }

    private static ServiceError NullTtl() =>
        ServiceError.Schema(new FieldError(["ttl"], "None is not of type 'integer'", "type", "integer"));
}
