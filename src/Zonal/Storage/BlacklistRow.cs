namespace Zonal.Storage;

/// <summary>A regular expression of zone names only admins may create.</summary>
public sealed class BlacklistRow : IAdminRow
{
    public Guid Id { get; set; }

    public required string Pattern { get; set; }

    public string? Description { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
