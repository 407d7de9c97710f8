namespace Zonal.Messaging.Contracts;

public sealed record TldView(Guid Id, string Name, string? Description, DateTime CreatedAt, DateTime? UpdatedAt);

public sealed record BlacklistView(Guid Id, string Pattern, string? Description, DateTime CreatedAt, DateTime? UpdatedAt);

public sealed record TsigKeyView(
    Guid Id,
    string Name,
    string Algorithm,
    string Secret,
    string Scope,
    Guid ResourceId,
    DateTime CreatedAt,
    DateTime? UpdatedAt);
