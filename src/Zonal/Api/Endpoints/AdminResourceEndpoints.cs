using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Zonal.Api.Json;

namespace Zonal.Api.Endpoints;

/// <summary>Create, list, show, update (PATCH) and delete of one admin resource, each a call to Central.</summary>
public static class AdminResourceEndpoints
{
    public static void Map<TView>(IEndpointRouteBuilder app, AdminResource<TView> resource)
    {
        var createKeys = resource.Fields.ToHashSet();
        var patchKeys = resource.Fields.Append("id").ToHashSet();
        var collection = $"/v2/{resource.Collection}";
        var item = $"{collection}/{{{resource.IdParameter}}}";

        app.MapPost(collection, async (HttpContext http) =>
        {
            var ctx = await ApiRequest.ContextAsync(http);
            var body = await RequestBody.ReadAsync(http.Request, resource.BodyType, createKeys);
            var view = await ApiRequest.Bus(http).CallAsync(resource.Create(ctx, body), http.RequestAborted);
            var rendered = resource.Render(view, http.Request);
            await ApiRequest.WriteAsync(http, 201, rendered, rendered.Links["self"]);
        });

        app.MapGet(collection, async (HttpContext http) =>
        {
            var ctx = await ApiRequest.ContextAsync(http);
            var query = AdminEndpoints.ParseList(http, resource.Filters, resource.SortKeys);
            var page = await ApiRequest.Bus(http).CallAsync(resource.List(ctx, query), http.RequestAborted);
            await AdminEndpoints.WriteListAsync(http, resource.Collection, query, page, resource.Id, v => resource.Render(v, http.Request));
        });

        app.MapGet(item, async (HttpContext http) =>
        {
            var ctx = await ApiRequest.ContextAsync(http);
            var view = await ApiRequest.Bus(http).CallAsync(resource.Get(ctx, ApiRequest.Id(http, resource.IdParameter)), http.RequestAborted);
            await ApiRequest.WriteAsync(http, 200, resource.Render(view, http.Request));
        });

        app.MapPatch(item, async (HttpContext http) =>
        {
            var ctx = await ApiRequest.ContextAsync(http);
            var id = ApiRequest.Id(http, resource.IdParameter);
            var body = await RequestBody.ReadAsync(http.Request, resource.BodyType, patchKeys);
            body.RejectChanged(new Dictionary<string, string?> { ["id"] = id.ToString("D") });
            var view = await ApiRequest.Bus(http).CallAsync(resource.Update(ctx, id, body), http.RequestAborted);
            await ApiRequest.WriteAsync(http, 200, resource.Render(view, http.Request));
        });

        app.MapDelete(item, async (HttpContext http) =>
        {
            var ctx = await ApiRequest.ContextAsync(http);
            await ApiRequest.Bus(http).CallAsync(resource.Delete(ctx, ApiRequest.Id(http, resource.IdParameter)), http.RequestAborted);
            http.Response.StatusCode = 204;
        });
    }
}
