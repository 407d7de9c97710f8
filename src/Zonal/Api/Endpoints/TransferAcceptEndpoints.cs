using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zonal.Api.Json;
using Zonal.Configuration;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Endpoints;

/// <summary>/v2/zones/tasks/transfer_accepts: redeem a transfer request, list (admin) and show accepts.</summary>
public static class TransferAcceptEndpoints
{
    private const string Collection = "/v2/zones/tasks/transfer_accepts";
    private static readonly HashSet<string> CreateKeys = ["zone_transfer_request_id", "key"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Collection, CreateAsync);
        app.MapGet(Collection, ListAsync);
        app.MapGet(Collection + "/{transfer_accept_id}", ShowAsync);
    }

    private static async Task CreateAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var body = await RequestBody.ReadAsync(http.Request, "ZoneTransferAccept", CreateKeys);
        var requestId = AdminEndpoints.Uuid(body, "zone_transfer_request_id");
        var accept = await ApiRequest.Bus(http).CallAsync(new AcceptTransfer(ctx, requestId, body.RequiredString("key")), http.RequestAborted);
        var rendered = TransferAcceptBody.From(accept, http.Request);
        await ApiRequest.WriteAsync(http, 201, rendered, rendered.Links["self"]);
    }

    /// <summary>A paged collection: it carries metadata.total_count, unlike the transfer requests.</summary>
    private static async Task ListAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var options = http.RequestServices.GetRequiredService<IOptions<ZonalOptions>>().Value;
        var query = ListRequest.Parse(http.Request, options.Api, SharingListFields.TransferFilters, SharingListFields.TransferSortKeys, countTotal: true);
        var page = await ApiRequest.Bus(http).CallAsync(new ListTransferAccepts(ctx, query), http.RequestAborted);
        await ApiRequest.WritePageAsync(http, "transfer_accepts", page, query.Limit, a => TransferAcceptBody.From(a, http.Request), a => a.Id);
    }

    private static async Task ShowAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var accept = await ApiRequest.Bus(http).CallAsync(new GetTransferAccept(ctx, ApiRequest.Id(http, "transfer_accept_id")), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, TransferAcceptBody.From(accept, http.Request));
    }
}
