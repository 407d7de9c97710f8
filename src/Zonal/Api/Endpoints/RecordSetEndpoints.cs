using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zonal.Api.Auth;
using Zonal.Api.Json;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Endpoints;

/// <summary>/v2/zones/{zone_id}/recordsets and the cross-zone /v2/recordsets.</summary>
public static class RecordSetEndpoints
{
    private static readonly HashSet<string> CreateKeys = ["name", "type", "records", "ttl", "description"];
    private static readonly HashSet<string> UpdateKeys = ["records", "ttl", "description", "id", "name", "type", "zone_id", "project_id"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v2/zones/{zone_id}/recordsets", CreateAsync);
        app.MapGet("/v2/zones/{zone_id}/recordsets", ListInZoneAsync);
        app.MapGet("/v2/zones/{zone_id}/recordsets/{recordset_id}", ShowAsync);
        app.MapPut("/v2/zones/{zone_id}/recordsets/{recordset_id}", UpdateAsync);
        app.MapDelete("/v2/zones/{zone_id}/recordsets/{recordset_id}", DeleteAsync);
        app.MapGet("/v2/recordsets", ListAllAsync);
        app.MapGet("/v2/recordsets/{recordset_id}", RedirectAsync);
    }

    private static async Task CreateAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var zoneId = ApiRequest.Id(http, "zone_id");
        var body = await RequestBody.ReadAsync(http.Request, "RecordSet", CreateKeys);
        var set = await ApiRequest.Bus(http).CallAsync(new CreateRecordSet(
            ctx,
            zoneId,
            body.RequiredString("name"),
            body.RequiredString("type"),
            body.StringList("records"),
            body.Integer("ttl"),
            body.String("description")), http.RequestAborted);
        var rendered = RecordSetBody.From(set, http.Request);
        await ApiRequest.WriteAsync(http, set.Records.Count > 0 ? 202 : 201, rendered, rendered.Links["self"]);
    }

    private static async Task ListInZoneAsync(HttpContext http)
    {
        var zoneId = ApiRequest.Id(http, "zone_id");
        await ListAsync(http, zoneId);
    }

    private static Task ListAllAsync(HttpContext http) => ListAsync(http, null);

    private static async Task ListAsync(HttpContext http, Guid? zoneId)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var options = http.RequestServices.GetRequiredService<IOptions<ZonalOptions>>().Value;
        bool hideCounts = OsloBool.Parse(http.Request.Headers["OpenStack-DNS-Hide-Counts"]);
        var sortKeys = zoneId is null ? ListFields.AllRecordSetSortKeys : ListFields.ZoneRecordSetSortKeys;
        var query = ListRequest.Parse(http.Request, options.Api, ListFields.RecordSetFilters, sortKeys, countTotal: !hideCounts);
        var page = await ApiRequest.Bus(http).CallAsync(new ListRecordSets(ctx, zoneId, query), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, new Dictionary<string, object?>
        {
            ["recordsets"] = page.Items.Select(s => RecordSetBody.From(s, http.Request)).ToList(),
            ["links"] = ListRequest.Links(http.Request, page.Items.Count, query.Limit, page.Items.LastOrDefault()?.Id),
            ["metadata"] = page.TotalCount is long total ? new Dictionary<string, long> { ["total_count"] = total } : new Dictionary<string, long>(),
        });
    }

    private static async Task ShowAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var set = await ApiRequest.Bus(http).CallAsync(
            new GetRecordSet(ctx, ApiRequest.Id(http, "zone_id"), ApiRequest.Id(http, "recordset_id")), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, RecordSetBody.From(set, http.Request));
    }

    private static async Task UpdateAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var zoneId = ApiRequest.Id(http, "zone_id");
        var recordSetId = ApiRequest.Id(http, "recordset_id");
        var body = await RequestBody.ReadAsync(http.Request, "RecordSet", UpdateKeys);
        var bus = ApiRequest.Bus(http);
        var current = await bus.CallAsync(new GetRecordSet(ctx, zoneId, recordSetId), http.RequestAborted);
        body.RejectChanged(new Dictionary<string, string?>
        {
            ["id"] = current.Id.ToString("D"),
            ["name"] = current.Name,
            ["type"] = current.Type,
            ["zone_id"] = current.ZoneId.ToString("D"),
            ["project_id"] = current.ProjectId,
        });
        var set = await bus.CallAsync(new UpdateRecordSet(
            ctx,
            zoneId,
            recordSetId,
            body.Has("records") ? new Present<IReadOnlyList<string>>(body.StringList("records")) : null,
            body.Has("ttl") ? new Present<int?>(body.Integer("ttl")) : null,
            body.Has("description") ? new Present<string?>(body.String("description")) : null), http.RequestAborted);
        await ApiRequest.WriteAsync(http, set.Records.Count > 0 ? 202 : 200, RecordSetBody.From(set, http.Request));
    }

    private static async Task DeleteAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var set = await ApiRequest.Bus(http).CallAsync(
            new DeleteRecordSet(ctx, ApiRequest.Id(http, "zone_id"), ApiRequest.Id(http, "recordset_id")), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 202, RecordSetBody.From(set, http.Request));
    }

    /// <summary>A record set's canonical URL is under its zone: the short form redirects there.</summary>
    private static async Task RedirectAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var set = await ApiRequest.Bus(http).CallAsync(new GetRecordSet(ctx, null, ApiRequest.Id(http, "recordset_id")), http.RequestAborted);
        http.Response.StatusCode = 301;
        http.Response.Headers.Location = ApiLinks.RecordSet(http.Request, set.ZoneId, set.Id);
    }
}
