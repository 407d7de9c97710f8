namespace Zonal.Storage;

/// <summary>A zone as stored; <see cref="DeletedAt"/> set means soft-deleted (kept until purged).</summary>
public sealed class ZoneRow
{
    public Guid Id { get; set; }

    public required string ProjectId { get; set; }

    public Guid PoolId { get; set; }

    /// <summary>
    /// Set by pool_move to the pool the zone left; cleared when the move is confirmed (the new pool
    /// serves the zone and the old one dropped it), so recovery can finish an interrupted move.
    /// </summary>
    public Guid? MovedFromPoolId { get; set; }

    public required string Name
    {
        get;
        set
        {
            field = value;
            ReversedName = Reverse(value);
        }
    }

    /// <summary>
    /// The lower-cased name spelled backwards, kept in step with <see cref="Name"/>: the zones below a
    /// name are then a prefix range of one indexed column instead of a scan for a suffix.
    /// </summary>
    public string ReversedName { get; private set; } = "";

    public required string Email { get; set; }

    public int Ttl { get; set; }

    public long Serial { get; set; }

    public int Refresh { get; set; }

    public int Retry { get; set; }

    public int Expire { get; set; }

    public int Minimum { get; set; }

    public required string Status { get; set; }

    public required string Action { get; set; }

    public required string Type { get; set; }

    public string? Description { get; set; }

    /// <summary>JSON list of "host[:port]" strings (SECONDARY zones).</summary>
    public string Masters { get; set; } = "[]";

    /// <summary>JSON object of scheduler attributes.</summary>
    public string Attributes { get; set; } = "{}";

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public DateTime? TransferredAt { get; set; }

    public DateTime? DeletedAt { get; set; }

    public static string Reverse(string name)
    {
        var lowered = name.ToLowerInvariant().ToCharArray();
        Array.Reverse(lowered);
        return new string(lowered);
    }
}
