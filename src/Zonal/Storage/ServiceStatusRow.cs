namespace Zonal.Storage;

/// <summary>The last heartbeat of one component on one host.</summary>
public sealed class ServiceStatusRow
{
    public Guid Id { get; set; }

    public required string ServiceName { get; set; }

    public required string Hostname { get; set; }

    public required string Status { get; set; }

    public string Stats { get; set; } = "{}";

    public string Capabilities { get; set; } = "{}";

    public DateTime HeartbeatedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
