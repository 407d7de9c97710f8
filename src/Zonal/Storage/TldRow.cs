namespace Zonal.Storage;

/// <summary>A top-level domain zones may be created under (no trailing dot, e.g. <c>co.uk</c>).</summary>
public sealed class TldRow : IAdminRow
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
