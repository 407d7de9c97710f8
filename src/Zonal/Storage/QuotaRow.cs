namespace Zonal.Storage;

/// <summary>A project's override of one quota; a missing row means the configured default.</summary>
public sealed class QuotaRow
{
    public required string ProjectId { get; set; }

    public required string Resource { get; set; }

    public int HardLimit { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
