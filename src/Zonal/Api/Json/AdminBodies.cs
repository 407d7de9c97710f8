using Microsoft.AspNetCore.Http;
using Zonal.Messaging.Contracts;

namespace Zonal.Api.Json;

/// <summary>A TLD as the v2 API renders it.</summary>
public sealed record TldBody(Guid Id, string Name, string? Description, DateTime CreatedAt, DateTime? UpdatedAt, Dictionary<string, string> Links) : ILinkedBody
{
    public static TldBody From(TldView tld, HttpRequest request) =>
        new(tld.Id, tld.Name, tld.Description, tld.CreatedAt, tld.UpdatedAt, new() { ["self"] = $"{ApiLinks.Base(request)}/v2/tlds/{tld.Id}" });
}

/// <summary>A blacklist entry as the v2 API renders it.</summary>
public sealed record BlacklistBody(Guid Id, string Pattern, string? Description, DateTime CreatedAt, DateTime? UpdatedAt, Dictionary<string, string> Links) : ILinkedBody
{
    public static BlacklistBody From(BlacklistView blacklist, HttpRequest request) =>
        new(blacklist.Id, blacklist.Pattern, blacklist.Description, blacklist.CreatedAt, blacklist.UpdatedAt, new() { ["self"] = $"{ApiLinks.Base(request)}/v2/blacklists/{blacklist.Id}" });
}

/// <summary>A TSIG key as the v2 API renders it, secret included as Designate does.</summary>
public sealed record TsigKeyBody(
    Guid Id,
    string Name,
    string Algorithm,
    string Secret,
    string Scope,
    Guid ResourceId,
    DateTime CreatedAt,
    DateTime? UpdatedAt,
    Dictionary<string, string> Links) : ILinkedBody
{
    public static TsigKeyBody From(TsigKeyView key, HttpRequest request) => new(
        key.Id,
        key.Name,
        key.Algorithm,
        key.Secret,
        key.Scope,
        key.ResourceId,
        key.CreatedAt,
        key.UpdatedAt,
        new() { ["self"] = $"{ApiLinks.Base(request)}/v2/tsigkeys/{key.Id}" });
}
