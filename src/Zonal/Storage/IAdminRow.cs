namespace Zonal.Storage;

/// <summary>What every admin-only row (TLD, blacklist, TSIG key) has, so one set of CRUD steps serves them all.</summary>
public interface IAdminRow
{
    Guid Id { get; set; }

    DateTime CreatedAt { get; set; }

    DateTime? UpdatedAt { get; set; }
}
