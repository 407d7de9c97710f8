namespace Zonal.Api.Auth;

/// <summary>oslo's bool_from_string: 1, t, true, on, y, yes (any case) are true; anything else is false.</summary>
public static class OsloBool
{
    public static bool Parse(string? text) =>
        text?.Trim().ToLowerInvariant() is "1" or "t" or "true" or "on" or "y" or "yes";
}
