using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Messaging.Contracts;

namespace Zonal.Api;

/// <summary>
/// Reads Designate's paging and filter parameters from a list request and builds the collection's
/// links. Context parameters (all_projects, all_tenants, edit_managed_records) are not filters.
/// </summary>
public static class ListRequest
{
    private static readonly HashSet<string> ContextParameters = ["all_projects", "all_tenants", "edit_managed_records"];
    private static readonly HashSet<string> PagingParameters = ["limit", "marker", "sort_key", "sort_dir"];

    public static ListQuery Parse(HttpRequest request, ApiOptions api, IReadOnlySet<string> filters, IReadOnlyCollection<string> sortKeys, bool countTotal)
    {
        var query = request.Query;
        var duplicated = query.Where(p => p.Value.Count > 1).Select(p => p.Key).ToList();
        if (duplicated.Count > 0)
        {
            throw ServiceError.BadRequest($"Duplicate filters [{string.Join(", ", duplicated)}]");
        }

        var invalid = query.Keys.Where(k => !filters.Contains(k) && !PagingParameters.Contains(k) && !ContextParameters.Contains(k)).ToList();
        if (invalid.Count > 0)
        {
            throw ServiceError.BadRequest($"Invalid filters [{string.Join(", ", invalid)}]");
        }

        int limit = api.DefaultLimit;
        if (query.TryGetValue("limit", out var limitText))
        {
            if (limitText == "max")
            {
                limit = api.MaxLimit;
            }
            else if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1)
            {
                throw new ServiceError(400, "invalid_limit", "limit should be an integer greater than 0 or 'max'");
            }
        }

        Guid? marker = null;
        if (query.TryGetValue("marker", out var markerText))
        {
            marker = Guid.TryParseExact(markerText, "D", out var id)
                ? id
                : throw new ServiceError(400, "invalid_marker", "Invalid marker: must be a UUID");
        }

        var sortKey = query.TryGetValue("sort_key", out var key) ? key.ToString() : "created_at";
        if (!sortKeys.Contains(sortKey))
        {
            throw new ServiceError(400, "invalid_sort_key", $"sort key must be one of {string.Join(", ", sortKeys)}");
        }

        var sortDir = query.TryGetValue("sort_dir", out var dir) ? dir.ToString() : "asc";
        if (sortDir is not ("asc" or "desc"))
        {
            throw new ServiceError(400, "invalid_sort_dir", "sort direction must be 'asc' or 'desc'");
        }

        var filterValues = query.Where(p => filters.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value.ToString());
        return new ListQuery(limit, marker, sortKey, sortDir == "desc", filterValues, countTotal);
    }

    /// <summary>
    /// links.self echoes the query (without context parameters); links.next appears exactly when the
    /// page is full, pointing after its last item.
    /// </summary>
    public static Dictionary<string, string> Links(HttpRequest request, int returned, int limit, Guid? lastId)
    {
        var kept = request.Query.Where(p => !ContextParameters.Contains(p.Key)).ToList();
        var links = new Dictionary<string, string> { ["self"] = Url(request, kept) };
        if (returned == limit && lastId is Guid last)
        {
            var next = kept.Where(p => p.Key != "marker").ToList();
            next.Add(new("marker", last.ToString("D")));
            links["next"] = Url(request, next);
        }

        return links;
    }

    private static string Url(HttpRequest request, List<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query)
    {
        var builder = new QueryBuilder(query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))));
        return ApiLinks.Base(request) + request.PathBase + request.Path + builder.ToQueryString();
    }
}
