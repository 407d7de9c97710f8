using Microsoft.AspNetCore.Routing;
using Zonal.Api.Json;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Endpoints;

/// <summary>/v2/tlds: create, list, show, update (PATCH), delete.</summary>
public static class TldEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => AdminResourceEndpoints.Map(app, new AdminResource<TldView>
    {
        Collection = "tlds",
        IdParameter = "tld_id",
        BodyType = "Tld",
        Fields = ["name", "description"],
        Filters = AdminListFields.TldFilters,
        SortKeys = AdminListFields.TldSortKeys,
        Create = (ctx, body) => new CreateTld(ctx, body.RequiredString("name"), body.String("description")),
        List = (ctx, query) => new ListTlds(ctx, query),
        Get = (ctx, id) => new GetTld(ctx, id),
        Update = (ctx, id, body) => new UpdateTld(ctx, id, AdminEndpoints.PresentString(body, "name"), AdminEndpoints.PresentNullableString(body, "description")),
        Delete = (ctx, id) => new DeleteTld(ctx, id),
        Id = tld => tld.Id,
        Render = TldBody.From,
    });
}
