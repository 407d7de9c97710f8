namespace Zonal.Messaging.Contracts;

/// <summary>A zone as central reports it.</summary>
public sealed record ZoneView(
    Guid Id,
    Guid PoolId,
    string ProjectId,
    string Name,
    string Email,
    int Ttl,
    long Serial,
    string Status,
    string Action,
    string Type,
    string? Description,
    IReadOnlyList<string> Masters,
    IReadOnlyDictionary<string, string> Attributes,
    int Version,
    DateTime CreatedAt,
    DateTime? UpdatedAt,
    DateTime? TransferredAt,
    bool Shared);

/// <summary>A record set as central reports it, with its records' combined status and action.</summary>
public sealed record RecordSetView(
    Guid Id,
    Guid ZoneId,
    string ZoneName,
    string ProjectId,
    string Name,
    string Type,
    IReadOnlyList<string> Records,
    int? Ttl,
    string? Description,
    string Status,
    string Action,
    int Version,
    DateTime CreatedAt,
    DateTime? UpdatedAt);

public sealed record NameServerView(string Hostname, int Priority);

/// <summary>Paging and filtering of a list, already checked for syntax by the API.</summary>
public sealed record ListQuery(
    int Limit,
    Guid? Marker,
    string SortKey,
    bool Descending,
    IReadOnlyDictionary<string, string> Filters,
    bool CountTotal);

public sealed record Page<T>(IReadOnlyList<T> Items, long? TotalCount);

/// <summary>A field a PATCH may carry: absent (null) or present with a value, which may itself be null.</summary>
public readonly record struct Present<T>(T Value);

/// <summary>A zone import or export task as central reports it.</summary>
public sealed record ZoneTaskView(
    Guid Id,
    string Kind,
    string ProjectId,
    string Status,
    string? Message,
    Guid? ZoneId,
    string? Location,
    int Version,
    DateTime CreatedAt,
    DateTime? UpdatedAt);
