using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Messaging.Contracts;

namespace Zonal.Api.Endpoints;

/// <summary>The admin-only resources (TLDs, blacklists, TSIG keys) and what their endpoints share.</summary>
public static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        TldEndpoints.Map(app);
        BlacklistEndpoints.Map(app);
        TsigKeyEndpoints.Map(app);
    }

    public static ListQuery ParseList(HttpContext http, IReadOnlySet<string> filters, IReadOnlyCollection<string> sortKeys) =>
        ListRequest.Parse(http.Request, http.RequestServices.GetRequiredService<IOptions<ZonalOptions>>().Value.Api, filters, sortKeys, countTotal: false);

    /// <summary>These collections carry links but no metadata, as in Designate.</summary>
    public static Task WriteListAsync<TView>(HttpContext http, string collection, ListQuery query, Page<TView> page, Func<TView, Guid> id, Func<TView, object> body) =>
        ApiRequest.WriteAsync(http, 200, new Dictionary<string, object>
        {
            [collection] = page.Items.Select(body).ToList(),
            ["links"] = ListRequest.Links(http.Request, page.Items.Count, query.Limit, page.Items.Count > 0 ? id(page.Items[^1]) : null),
        });

    /// <summary>A PATCH field that must hold a string when sent.</summary>
    public static Present<string>? PresentString(Json.RequestBody body, string name) =>
        body.Has(name) ? new Present<string>(body.RequiredString(name)) : null;

    /// <summary>A PATCH field that may be set to a string or cleared with null.</summary>
    public static Present<string?>? PresentNullableString(Json.RequestBody body, string name) =>
        body.Has(name) ? new Present<string?>(body.String(name)) : null;

    public static Guid Uuid(Json.RequestBody body, string name)
    {
        var text = body.RequiredString(name);
        return Guid.TryParseExact(text, "D", out var id)
            ? id
            : throw ServiceError.Schema(new FieldError([name], $"'{text}' is not a 'uuid'", "format", "uuid"));
    }
}
