using Microsoft.AspNetCore.Routing;
using Zonal.Api.Json;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Endpoints;

/// <summary>/v2/blacklists: create, list, show, update (PATCH), delete.</summary>
public static class BlacklistEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => AdminResourceEndpoints.Map(app, new AdminResource<BlacklistView>
    {
        Collection = "blacklists",
        IdParameter = "blacklist_id",
        BodyType = "Blacklist",
        Fields = ["pattern", "description"],
        Filters = AdminListFields.BlacklistFilters,
        SortKeys = AdminListFields.BlacklistSortKeys,
        Create = (ctx, body) => new CreateBlacklist(ctx, body.RequiredString("pattern"), body.String("description")),
        List = (ctx, query) => new ListBlacklists(ctx, query),
        Get = (ctx, id) => new GetBlacklist(ctx, id),
        Update = (ctx, id, body) => new UpdateBlacklist(ctx, id, AdminEndpoints.PresentString(body, "pattern"), AdminEndpoints.PresentNullableString(body, "description")),
        Delete = (ctx, id) => new DeleteBlacklist(ctx, id),
        Id = blacklist => blacklist.Id,
        Render = BlacklistBody.From,
    });
}
