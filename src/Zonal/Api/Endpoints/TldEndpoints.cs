using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Zonal.Api.Json;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Endpoints;

/// <summary>/v2/tlds: create, list, show, update (PATCH), delete.</summary>
public static class TldEndpoints
{
    private static readonly HashSet<string> CreateKeys = ["name", "description"];
    private static readonly HashSet<string> PatchKeys = ["name", "description", "id"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v2/tlds", CreateAsync);
        app.MapGet("/v2/tlds", ListAsync);
        app.MapGet("/v2/tlds/{tld_id}", ShowAsync);
        app.MapPatch("/v2/tlds/{tld_id}", UpdateAsync);
        app.MapDelete("/v2/tlds/{tld_id}", DeleteAsync);
    }

    private static async Task CreateAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var body = await RequestBody.ReadAsync(http.Request, "Tld", CreateKeys);
        var tld = await ApiRequest.Bus(http).CallAsync(new CreateTld(ctx, body.RequiredString("name"), body.String("description")), http.RequestAborted);
        var rendered = TldBody.From(tld, http.Request);
        await ApiRequest.WriteAsync(http, 201, rendered, rendered.Links["self"]);
    }

    private static async Task ListAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var query = AdminEndpoints.ParseList(http, AdminListFields.TldFilters, AdminListFields.TldSortKeys);
        var page = await ApiRequest.Bus(http).CallAsync(new ListTlds(ctx, query), http.RequestAborted);
        await AdminEndpoints.WriteListAsync(http, "tlds", query, page, t => t.Id, t => TldBody.From(t, http.Request));
    }

    private static async Task ShowAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var tld = await ApiRequest.Bus(http).CallAsync(new GetTld(ctx, ApiRequest.Id(http, "tld_id")), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, TldBody.From(tld, http.Request));
    }

    private static async Task UpdateAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var id = ApiRequest.Id(http, "tld_id");
        var body = await RequestBody.ReadAsync(http.Request, "Tld", PatchKeys);
        body.RejectChanged(new Dictionary<string, string?> { ["id"] = id.ToString("D") });
        var description = body.Has("description") ? new Present<string?>(body.String("description")) : (Present<string?>?)null;
        var tld = await ApiRequest.Bus(http).CallAsync(new UpdateTld(ctx, id, AdminEndpoints.PresentString(body, "name"), description), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, TldBody.From(tld, http.Request));
    }

    private static async Task DeleteAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        await ApiRequest.Bus(http).CallAsync(new DeleteTld(ctx, ApiRequest.Id(http, "tld_id")), http.RequestAborted);
        http.Response.StatusCode = 204;
    }
}
