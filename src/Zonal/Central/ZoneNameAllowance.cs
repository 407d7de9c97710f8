using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Domain.PolicyLanguage;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// The admin lists a new zone name must pass, as Designate checks them: once any TLD exists the
/// name's last label must be one and the name may not be a TLD itself; a name matching a
/// blacklist pattern is refused unless the caller may use blacklisted names (admin).
/// </summary>
public sealed class ZoneNameAllowance(ZonalDbContext db, Policy policy)
{
    /// <param name="name">An absolute zone name, already checked as one.</param>
    public async Task CheckAsync(RequestContext ctx, string name, CancellationToken ct)
    {
        var bare = name.TrimEnd('.').ToLowerInvariant();
        var tlds = db.Set<TldRow>().AsNoTracking();
        if (await tlds.AnyAsync(ct))
        {
            var last = bare[(bare.LastIndexOf('.') + 1)..];
            if (!await tlds.AnyAsync(t => t.Name.ToLower() == last, ct))
            {
                throw new ServiceError(400, "invalid_zone_name", "Invalid TLD");
            }

            if (await tlds.AnyAsync(t => t.Name.ToLower() == bare, ct))
            {
                throw new ServiceError(400, "invalid_zone_name", "Zone name cannot be the same as a TLD");
            }
        }

        if (policy.Allows("use_blacklisted_zone", ctx, PolicyTarget.Owner(ctx.ProjectId)))
        {
            return;
        }

        var patterns = await db.Set<BlacklistRow>().AsNoTracking().Select(b => b.Pattern).ToListAsync(ct);
        if (patterns.Any(p => Matches(p, name)))
        {
            throw new ServiceError(400, "invalid_zone_name", "Blacklisted zone name");
        }
    }

    /// <summary>A search anywhere in the name, as Python's re.search; a pattern that runs away counts as a match.</summary>
    private static bool Matches(string pattern, string name)
    {
        try
        {
            return Regex.IsMatch(name, pattern, RegexOptions.None, AdminRules.PatternTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }
}
