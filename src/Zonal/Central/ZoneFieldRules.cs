using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>Field limits of zones (and the TTL and description rules record sets share).</summary>
public static class ZoneFieldRules
{
    public const int MaxDescriptionLength = 160;

    public static void CheckTtl(int ttl, string field = "ttl")
    {
        if (ttl < 0)
        {
            throw ServiceError.Schema(new FieldError([field], $"{ttl} is less than the minimum of 0", "minimum", 0));
        }
    }

    public static void CheckDescription(string? description)
    {
        if (description is { Length: > MaxDescriptionLength })
        {
            throw ServiceError.Schema(new FieldError(["description"], $"'{description}' is too long", "maxLength", MaxDescriptionLength));
        }
    }

    public static void CheckAttributes(IReadOnlyDictionary<string, string> attributes)
    {
        foreach (var (key, value) in attributes)
        {
            if (key.Length > 50 || value.Length > 50)
            {
                throw ServiceError.Schema(new FieldError(["attributes", key], $"'{key}' is too long", "maxLength", 50));
            }
        }
    }

    /// <summary>Masters are "host" or "host:port" (port 1–65535); only SECONDARY zones have them.</summary>
    public static void CheckMasters(IReadOnlyList<string> masters, bool required)
    {
        if (!required && masters.Count > 0)
        {
            throw ServiceError.Schema(new FieldError(["masters"], "Masters are only allowed on SECONDARY zones", "maxItems", 0));
        }

        if (required && masters.Count == 0)
        {
            throw ServiceError.Schema(new FieldError(["masters"], "[] is too short", "minItems", 1));
        }

        for (int i = 0; i < masters.Count; i++)
        {
            if (MasterAddress.TryParse(masters[i]) is null)
            {
                throw ServiceError.Schema(new FieldError(["masters", i], $"'{masters[i]}' is not a 'host:port'", "format", "hostport"));
            }
        }
    }

    public static void RejectDeleting(ZoneRow zone)
    {
        if (zone.Action == ChangeAction.Delete)
        {
            throw ServiceError.BadRequest("Can not update a zone that is being deleted");
        }
    }
}
