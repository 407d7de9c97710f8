using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Zonal.Api.Json;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Endpoints;

/// <summary>/v2/blacklists: create, list, show, update (PATCH), delete.</summary>
public static class BlacklistEndpoints
{
    private static readonly HashSet<string> CreateKeys = ["pattern", "description"];
    private static readonly HashSet<string> PatchKeys = ["pattern", "description", "id"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v2/blacklists", CreateAsync);
        app.MapGet("/v2/blacklists", ListAsync);
        app.MapGet("/v2/blacklists/{blacklist_id}", ShowAsync);
        app.MapPatch("/v2/blacklists/{blacklist_id}", UpdateAsync);
        app.MapDelete("/v2/blacklists/{blacklist_id}", DeleteAsync);
    }

    private static async Task CreateAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var body = await RequestBody.ReadAsync(http.Request, "Blacklist", CreateKeys);
        var blacklist = await ApiRequest.Bus(http).CallAsync(new CreateBlacklist(ctx, body.RequiredString("pattern"), body.String("description")), http.RequestAborted);
        var rendered = BlacklistBody.From(blacklist, http.Request);
        await ApiRequest.WriteAsync(http, 201, rendered, rendered.Links["self"]);
    }

    private static async Task ListAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var query = AdminEndpoints.ParseList(http, AdminListFields.BlacklistFilters, AdminListFields.BlacklistSortKeys);
        var page = await ApiRequest.Bus(http).CallAsync(new ListBlacklists(ctx, query), http.RequestAborted);
        await AdminEndpoints.WriteListAsync(http, "blacklists", query, page, t => t.Id, t => BlacklistBody.From(t, http.Request));
    }

    private static async Task ShowAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var blacklist = await ApiRequest.Bus(http).CallAsync(new GetBlacklist(ctx, ApiRequest.Id(http, "blacklist_id")), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, BlacklistBody.From(blacklist, http.Request));
    }

    private static async Task UpdateAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var id = ApiRequest.Id(http, "blacklist_id");
        var body = await RequestBody.ReadAsync(http.Request, "Blacklist", PatchKeys);
        body.RejectChanged(new Dictionary<string, string?> { ["id"] = id.ToString("D") });
        var description = body.Has("description") ? new Present<string?>(body.String("description")) : (Present<string?>?)null;
        var blacklist = await ApiRequest.Bus(http).CallAsync(new UpdateBlacklist(ctx, id, AdminEndpoints.PresentString(body, "pattern"), description), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, BlacklistBody.From(blacklist, http.Request));
    }

    private static async Task DeleteAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        await ApiRequest.Bus(http).CallAsync(new DeleteBlacklist(ctx, ApiRequest.Id(http, "blacklist_id")), http.RequestAborted);
        http.Response.StatusCode = 204;
    }
}
