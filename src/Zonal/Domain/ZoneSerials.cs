namespace Zonal.Domain;

/// <summary>
/// Zone serials as Designate keeps them (contract §8.2): a UNIX timestamp in UTC seconds, and on every change
/// the larger of "one more" and "now", so serials only grow even with several changes in one second.
/// </summary>
public static class ZoneSerials
{
    /// <summary>The serial a zone gets at <paramref name="now"/> (UTC).</summary>
    public static long At(DateTime now) => new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)).ToUnixTimeSeconds();

    /// <summary>The serial after <paramref name="current"/> for a change at <paramref name="now"/>.</summary>
    public static long Next(long current, DateTime now) => Math.Max(current + 1, At(now));
}
