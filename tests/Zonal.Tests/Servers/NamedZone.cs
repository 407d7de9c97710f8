namespace Zonal.Tests.Servers;

/// <summary>
/// A primary zone for <see cref="NamedServer"/>: its origin, the zone file text, and optional extra
/// statements for the zone block (e.g. <c>allow-transfer { key "k"; };</c>).
/// </summary>
public sealed record NamedZone(string Origin, string ZoneFileText, string ExtraZoneStatements = "")
{
    /// <summary>The origin with exactly one trailing dot, as named.conf and dig want it.</summary>
    public string AbsoluteOrigin => Origin.EndsWith('.') ? Origin : Origin + ".";
}
