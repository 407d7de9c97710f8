using Microsoft.AspNetCore.Http;
using Zonal.Messaging.Contracts;

namespace Zonal.Api.Json;

/// <summary>A zone as the v2 API renders it.</summary>
public sealed record ZoneBody(
    Guid Id,
    Guid PoolId,
    string ProjectId,
    string Name,
    string Email,
    string? Description,
    int Ttl,
    long Serial,
    string Status,
    string Action,
    int Version,
    IReadOnlyDictionary<string, string> Attributes,
    string Type,
    IReadOnlyList<string> Masters,
    DateTime CreatedAt,
    DateTime? UpdatedAt,
    DateTime? TransferredAt,
    bool Shared,
    Dictionary<string, string> Links)
{
    public static ZoneBody From(ZoneView zone, HttpRequest request) => new(
        zone.Id,
        zone.PoolId,
        zone.ProjectId,
        zone.Name,
        zone.Email,
        zone.Description,
        zone.Ttl,
        zone.Serial,
        zone.Status,
        zone.Action,
        zone.Version,
        zone.Attributes,
        zone.Type,
        zone.Masters.Select(m => m.EndsWith(":53", StringComparison.Ordinal) ? m[..^3] : m).ToList(),
        zone.CreatedAt,
        zone.UpdatedAt,
        zone.TransferredAt,
        zone.Shared,
        new() { ["self"] = ApiLinks.Zone(request, zone.Id) });
}

/// <summary>A record set as the v2 API renders it; links.self is always under its zone.</summary>
public sealed record RecordSetBody(
    Guid Id,
    string ProjectId,
    Guid ZoneId,
    string ZoneName,
    string Name,
    string Type,
    IReadOnlyList<string> Records,
    int? Ttl,
    string? Description,
    string Status,
    string Action,
    int Version,
    DateTime CreatedAt,
    DateTime? UpdatedAt,
    Dictionary<string, string> Links)
{
    public static RecordSetBody From(RecordSetView set, HttpRequest request) => new(
        set.Id,
        set.ProjectId,
        set.ZoneId,
        set.ZoneName,
        set.Name,
        set.Type,
        set.Records,
        set.Ttl,
        set.Description,
        set.Status,
        set.Action,
        set.Version,
        set.CreatedAt,
        set.UpdatedAt,
        new() { ["self"] = ApiLinks.RecordSet(request, set.ZoneId, set.Id) });
}
