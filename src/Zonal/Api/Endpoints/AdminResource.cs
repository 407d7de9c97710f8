using Microsoft.AspNetCore.Http;
using Zonal.Api.Json;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;

namespace Zonal.Api.Endpoints;

/// <summary>What tells one admin resource's endpoints from another's: its route, body fields and messages.</summary>
public sealed class AdminResource<TView>
{
    /// <summary>The collection under /v2, also the key of the list body (e.g. <c>tlds</c>).</summary>
    public required string Collection { get; init; }

    /// <summary>The route parameter naming one item (e.g. <c>tld_id</c>).</summary>
    public required string IdParameter { get; init; }

    /// <summary>The resource name request body errors speak of (e.g. <c>Tld</c>).</summary>
    public required string BodyType { get; init; }

    /// <summary>The fields a create body may hold; a PATCH may also repeat the item's id.</summary>
    public required IReadOnlyCollection<string> Fields { get; init; }

    public required IReadOnlySet<string> Filters { get; init; }

    public required IReadOnlyCollection<string> SortKeys { get; init; }

    public required Func<RequestContext, RequestBody, ICall<TView>> Create { get; init; }

    public required Func<RequestContext, ListQuery, ICall<Page<TView>>> List { get; init; }

    public required Func<RequestContext, Guid, ICall<TView>> Get { get; init; }

    public required Func<RequestContext, Guid, RequestBody, ICall<TView>> Update { get; init; }

    public required Func<RequestContext, Guid, ICall<TView>> Delete { get; init; }

    public required Func<TView, Guid> Id { get; init; }

    public required Func<TView, HttpRequest, ILinkedBody> Render { get; init; }
}
