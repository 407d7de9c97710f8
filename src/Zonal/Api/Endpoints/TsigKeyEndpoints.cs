using Microsoft.AspNetCore.Routing;
using Zonal.Api.Json;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Endpoints;

/// <summary>/v2/tsigkeys: create, list, show, update (PATCH), delete.</summary>
public static class TsigKeyEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => AdminResourceEndpoints.Map(app, new AdminResource<TsigKeyView>
    {
        Collection = "tsigkeys",
        IdParameter = "tsigkey_id",
        BodyType = "TsigKey",
        Fields = ["name", "algorithm", "secret", "scope", "resource_id"],
        Filters = AdminListFields.TsigKeyFilters,
        SortKeys = AdminListFields.TsigKeySortKeys,
        Create = (ctx, body) => new CreateTsigKey(
            ctx,
            body.RequiredString("name"),
            body.RequiredString("algorithm"),
            body.RequiredString("secret"),
            body.RequiredString("scope"),
            AdminEndpoints.Uuid(body, "resource_id")),
        List = (ctx, query) => new ListTsigKeys(ctx, query),
        Get = (ctx, id) => new GetTsigKey(ctx, id),
        Update = (ctx, id, body) => new UpdateTsigKey(
            ctx,
            id,
            AdminEndpoints.PresentString(body, "name"),
            AdminEndpoints.PresentString(body, "algorithm"),
            AdminEndpoints.PresentString(body, "secret"),
            AdminEndpoints.PresentString(body, "scope"),
            body.Has("resource_id") ? new Present<Guid>(AdminEndpoints.Uuid(body, "resource_id")) : null),
        Delete = (ctx, id) => new DeleteTsigKey(ctx, id),
        Id = key => key.Id,
        Render = TsigKeyBody.From,
    });
}
