using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>Field rules of the admin-only resources (TLDs, blacklists, TSIG keys) and their saving.</summary>
public static class AdminRules
{
    public const int MaxTldNameLength = 255;
    public const int MaxPatternLength = 255;
    public const int MaxTsigFieldLength = 160;

    /// <summary>Blacklist patterns run against every zone create; a runaway pattern must not stall it.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>A TLD is one or more zone labels joined by dots, without the trailing dot.</summary>
    public static void CheckTldName(string name)
    {
        CheckLength("name", name, MaxTldNameLength);
        if (name.EndsWith('.') || !NameRules.IsFqdn(name + "."))
        {
            throw ServiceError.Schema(new FieldError(["name"], $"'{name}' is not a 'tldname'", "format", "tldname"));
        }
    }

    /// <summary>Designate compiles the pattern (and, a quirk it keeps, the description) as a regex.</summary>
    public static void CheckRegex(string field, string? value, int maxLength)
    {
        if (value is null)
        {
            return;
        }

        CheckLength(field, value, maxLength);
        if (value.Length == 0 || !Compiles(value))
        {
            throw ServiceError.Schema(new FieldError([field], $"'{value}' is not a 'regex'", "format", "regex"));
        }
    }

    public static void CheckLength(string field, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw ServiceError.Schema(new FieldError([field], $"'{value}' is too long", "maxLength", maxLength));
        }
    }

    public static void CheckEnum(string field, string value, IReadOnlyList<string> allowed)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw ServiceError.Schema(new FieldError([field], $"'{value}' is not one of [{string.Join(", ", allowed.Select(a => $"'{a}'"))}]", "enum", allowed));
        }
    }

    /// <summary>Saves one admin row; a unique index hit (even by a concurrent writer) is the resource's 409.</summary>
    public static async Task SaveAsync(ZonalDbContext db, string duplicateType, string duplicateMessage, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw ServiceError.Duplicate(duplicateType, duplicateMessage);
        }
    }

    private static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, PatternTimeout);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
