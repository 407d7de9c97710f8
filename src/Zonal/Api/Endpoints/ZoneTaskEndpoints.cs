using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zonal.Api.Json;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Endpoints;

/// <summary>/v2/zones/tasks/imports and /v2/zones/tasks/exports, and POST /v2/zones/{id}/tasks/export.</summary>
public static class ZoneTaskEndpoints
{
    private static readonly HashSet<string> JsonImportKeys = ["zonefile", "attributes"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v2/zones/tasks/imports", CreateImportAsync);
        app.MapGet("/v2/zones/tasks/imports", http => ListAsync(http, ZoneTaskKind.Import, "imports"));
        app.MapGet("/v2/zones/tasks/imports/{task_id}", http => ShowAsync(http, ZoneTaskKind.Import));
        app.MapDelete("/v2/zones/tasks/imports/{task_id}", http => DeleteAsync(http, ZoneTaskKind.Import));

        app.MapPost("/v2/zones/{zone_id}/tasks/export", CreateExportAsync);
        app.MapGet("/v2/zones/tasks/exports", http => ListAsync(http, ZoneTaskKind.Export, "exports"));
        app.MapGet("/v2/zones/tasks/exports/{task_id}", http => ShowAsync(http, ZoneTaskKind.Export));
        app.MapDelete("/v2/zones/tasks/exports/{task_id}", http => DeleteAsync(http, ZoneTaskKind.Export));
        app.MapGet("/v2/zones/tasks/exports/{task_id}/export", ExportFileAsync);
    }

    /// <summary>The zone file comes raw as text/dns, or [M] inside JSON as {"zonefile": ..., "attributes": ...}.</summary>
    private static async Task CreateImportAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        string zoneFile;
        IReadOnlyDictionary<string, string> attributes = new Dictionary<string, string>();
        if (mediaType == "text/dns")
        {
            var options = http.RequestServices.GetRequiredService<IOptions<ZonalOptions>>().Value;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = options.Api.MaxZoneImportSize;
            }

            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            zoneFile = await reader.ReadToEndAsync(http.RequestAborted);
        }
        else if (mediaType == "application/json")
        {
            var body = await RequestBody.ReadAsync(http.Request, "ZoneImport", JsonImportKeys);
            zoneFile = body.RequiredString("zonefile");
            attributes = body.StringMap("attributes");
        }
        else
        {
            throw new ServiceError(415, "unsupported_content_type", $"Unsupported Content-Type '{http.Request.ContentType}'. Supported: text/dns, application/json");
        }

        var task = await ApiRequest.Bus(http).CallAsync(new CreateZoneImport(ctx, zoneFile, attributes), http.RequestAborted);
        await WriteCreatedAsync(http, ZoneTaskBody.From(task, http.Request));
    }

    private static async Task CreateExportAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var task = await ApiRequest.Bus(http).CallAsync(new CreateZoneExport(ctx, ApiRequest.Id(http, "zone_id")), http.RequestAborted);
        await WriteCreatedAsync(http, ZoneTaskBody.From(task, http.Request));
    }

    private static async Task ListAsync(HttpContext http, string kind, string collection)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var options = http.RequestServices.GetRequiredService<IOptions<ZonalOptions>>().Value;
        var query = ListRequest.Parse(http.Request, options.Api, ListFields.ZoneTaskFilters, ListFields.ZoneTaskSortKeys, countTotal: true);
        var page = await ApiRequest.Bus(http).CallAsync(new ListZoneTasks(ctx, kind, query), http.RequestAborted);
        await ApiRequest.WritePageAsync(http, collection, page, query.Limit, t => ZoneTaskBody.From(t, http.Request), t => t.Id);
    }

    private static async Task ShowAsync(HttpContext http, string kind)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var task = await ApiRequest.Bus(http).CallAsync(new GetZoneTask(ctx, kind, ApiRequest.Id(http, "task_id")), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, ZoneTaskBody.From(task, http.Request));
    }

    private static async Task DeleteAsync(HttpContext http, string kind)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        await ApiRequest.Bus(http).CallAsync(new DeleteZoneTask(ctx, kind, ApiRequest.Id(http, "task_id")), http.RequestAborted);
        http.Response.StatusCode = 204;
    }

    private static async Task ExportFileAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var text = await ApiRequest.Bus(http).CallAsync(new GetZoneExportFile(ctx, ApiRequest.Id(http, "task_id")), http.RequestAborted);
        http.Response.StatusCode = 200;
        http.Response.ContentType = "text/dns";
        await http.Response.WriteAsync(text, http.RequestAborted);
    }

    /// <summary>202 with Location equal to links.self: the task runs on after the answer.</summary>
    private static Task WriteCreatedAsync(HttpContext http, Dictionary<string, object?> body) =>
        ApiRequest.WriteAsync(http, 202, body, ((Dictionary<string, string>)body["links"]!)["self"]);
}
