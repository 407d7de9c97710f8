namespace Zonal.Messaging.Contracts;

/// <summary>A pool as the API shows it: nameservers, targets and also_notifies stay internal, as in Designate.</summary>
public sealed record PoolView(
    Guid Id,
    string? ProjectId,
    string Name,
    string? Description,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<NameServerView> NsRecords,
    DateTime CreatedAt,
    DateTime? UpdatedAt);

/// <summary>The last heartbeat of one component on one host.</summary>
public sealed record ServiceStatusView(
    Guid Id,
    string ServiceName,
    string Hostname,
    string Status,
    IReadOnlyDictionary<string, string> Stats,
    IReadOnlyDictionary<string, string> Capabilities,
    DateTime HeartbeatedAt,
    DateTime CreatedAt,
    DateTime? UpdatedAt);
