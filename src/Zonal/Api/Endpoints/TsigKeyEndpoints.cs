using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Zonal.Api.Json;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Endpoints;

/// <summary>/v2/tsigkeys: create, list, show, update (PATCH), delete.</summary>
public static class TsigKeyEndpoints
{
    private static readonly HashSet<string> CreateKeys = ["name", "algorithm", "secret", "scope", "resource_id"];
    private static readonly HashSet<string> PatchKeys = ["name", "algorithm", "secret", "scope", "resource_id", "id"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v2/tsigkeys", CreateAsync);
        app.MapGet("/v2/tsigkeys", ListAsync);
        app.MapGet("/v2/tsigkeys/{tsigkey_id}", ShowAsync);
        app.MapPatch("/v2/tsigkeys/{tsigkey_id}", UpdateAsync);
        app.MapDelete("/v2/tsigkeys/{tsigkey_id}", DeleteAsync);
    }

    private static async Task CreateAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var body = await RequestBody.ReadAsync(http.Request, "TsigKey", CreateKeys);
        var key = await ApiRequest.Bus(http).CallAsync(new CreateTsigKey(
            ctx,
            body.RequiredString("name"),
            body.RequiredString("algorithm"),
            body.RequiredString("secret"),
            body.RequiredString("scope"),
            AdminEndpoints.Uuid(body, "resource_id")), http.RequestAborted);
        var rendered = TsigKeyBody.From(key, http.Request);
        await ApiRequest.WriteAsync(http, 201, rendered, rendered.Links["self"]);
    }

    private static async Task ListAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var query = AdminEndpoints.ParseList(http, AdminListFields.TsigKeyFilters, AdminListFields.TsigKeySortKeys);
        var page = await ApiRequest.Bus(http).CallAsync(new ListTsigKeys(ctx, query), http.RequestAborted);
        await AdminEndpoints.WriteListAsync(http, "tsigkeys", query, page, k => k.Id, k => TsigKeyBody.From(k, http.Request));
    }

    private static async Task ShowAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var key = await ApiRequest.Bus(http).CallAsync(new GetTsigKey(ctx, ApiRequest.Id(http, "tsigkey_id")), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, TsigKeyBody.From(key, http.Request));
    }

    private static async Task UpdateAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var id = ApiRequest.Id(http, "tsigkey_id");
        var body = await RequestBody.ReadAsync(http.Request, "TsigKey", PatchKeys);
        body.RejectChanged(new Dictionary<string, string?> { ["id"] = id.ToString("D") });
        var key = await ApiRequest.Bus(http).CallAsync(new UpdateTsigKey(
            ctx,
            id,
            AdminEndpoints.PresentString(body, "name"),
            AdminEndpoints.PresentString(body, "algorithm"),
            AdminEndpoints.PresentString(body, "secret"),
            AdminEndpoints.PresentString(body, "scope"),
            body.Has("resource_id") ? new Present<Guid>(AdminEndpoints.Uuid(body, "resource_id")) : null), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, TsigKeyBody.From(key, http.Request));
    }

    private static async Task DeleteAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        await ApiRequest.Bus(http).CallAsync(new DeleteTsigKey(ctx, ApiRequest.Id(http, "tsigkey_id")), http.RequestAborted);
        http.Response.StatusCode = 204;
    }
}
