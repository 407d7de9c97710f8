namespace Zonal.Messaging.Contracts;

/// <summary>A zone shared with another project.</summary>
public sealed record SharedZoneView(Guid Id, Guid ZoneId, string ProjectId, string TargetProjectId, DateTime CreatedAt, DateTime? UpdatedAt);

/// <summary>
/// A zone transfer request. <see cref="Detailed"/> is false for callers that are neither admins nor
/// readers of the owning project: they are not shown the owner, target, key or times.
/// </summary>
public sealed record TransferRequestView(
    Guid Id,
    Guid ZoneId,
    string ZoneName,
    string ProjectId,
    string? TargetProjectId,
    string? Description,
    string Key,
    string Status,
    DateTime CreatedAt,
    DateTime? UpdatedAt,
    bool Detailed);

public sealed record TransferAcceptView(
    Guid Id,
    Guid ZoneTransferRequestId,
    Guid ZoneId,
    string ProjectId,
    string Key,
    string Status,
    DateTime CreatedAt,
    DateTime? UpdatedAt);
