using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Zonal.Api.Json;
using Zonal.Domain;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Endpoints;

/// <summary>Zone transfer requests: made under the zone, managed under /v2/zones/tasks/transfer_requests.</summary>
public static class TransferRequestEndpoints
{
    private const string Collection = "/v2/zones/tasks/transfer_requests";
    private const string Resource = "ZoneTransferRequest";
    private static readonly HashSet<string> CreateKeys = ["target_project_id", "description"];

    // Read-only keys may be sent back only with their current value.
    private static readonly HashSet<string> PatchKeys = ["target_project_id", "description", "id", "zone_id", "zone_name", "project_id", "key", "status"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v2/zones/{zone_id}/tasks/transfer_requests", CreateAsync);
        app.MapGet(Collection, ListAsync);
        app.MapGet(Collection + "/{transfer_request_id}", ShowAsync);
        app.MapPatch(Collection + "/{transfer_request_id}", UpdateAsync);
        app.MapDelete(Collection + "/{transfer_request_id}", DeleteAsync);
    }

    /// <summary>The body is optional: an empty one offers the zone to any project holding the key.</summary>
    private static async Task CreateAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var zoneId = ApiRequest.Id(http, "zone_id");
        var body = await RequestBody.ReadOptionalAsync(http.Request, Resource, CreateKeys);
        var transfer = await ApiRequest.Bus(http).CallAsync(
            new CreateTransferRequest(ctx, zoneId, body.String("target_project_id"), body.String("description")), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 201, TransferRequestBody.From(transfer, http.Request), TransferRequestBody.SelfLink(http.Request, transfer.Id));
    }

    private static async Task ListAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var query = AdminEndpoints.ParseList(http, SharingListFields.TransferFilters, SharingListFields.TransferSortKeys);
        var page = await ApiRequest.Bus(http).CallAsync(new ListTransferRequests(ctx, query), http.RequestAborted);
        await AdminEndpoints.WriteListAsync(http, "transfer_requests", query, page, t => t.Id, t => TransferRequestBody.From(t, http.Request));
    }

    private static async Task ShowAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var transfer = await ApiRequest.Bus(http).CallAsync(new GetTransferRequest(ctx, ApiRequest.Id(http, "transfer_request_id")), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, TransferRequestBody.From(transfer, http.Request));
    }

    private static async Task UpdateAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var id = ApiRequest.Id(http, "transfer_request_id");
        var body = await RequestBody.ReadAsync(http.Request, Resource, PatchKeys);
        var bus = ApiRequest.Bus(http);
        var current = await bus.CallAsync(new GetTransferRequest(ctx, id), http.RequestAborted);
        if (body.Has("zone_id") && body.String("zone_id") != current.ZoneId.ToString("D"))
        {
            throw new ServiceError(400, "invalid_operation", "Zone cannot be changed");
        }

        body.RejectChanged(new Dictionary<string, string?>
        {
            ["id"] = current.Id.ToString("D"),
            ["zone_name"] = current.ZoneName,
            ["project_id"] = current.ProjectId,
            ["key"] = current.Key,
            ["status"] = current.Status,
        });
        var transfer = await bus.CallAsync(new UpdateTransferRequest(
            ctx,
            id,
            AdminEndpoints.PresentNullableString(body, "description"),
            AdminEndpoints.PresentNullableString(body, "target_project_id")), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, TransferRequestBody.From(transfer, http.Request));
    }

    private static async Task DeleteAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        await ApiRequest.Bus(http).CallAsync(new DeleteTransferRequest(ctx, ApiRequest.Id(http, "transfer_request_id")), http.RequestAborted);
        http.Response.StatusCode = 204;
    }
}
