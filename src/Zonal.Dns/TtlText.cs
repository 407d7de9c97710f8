namespace Zonal.Dns;

/// <summary>
/// TTL values in zone file text: plain seconds (<c>3600</c>) or BIND's unit form
/// (<c>1h30m</c>, <c>1w</c>, <c>2D</c>), case-insensitive; a repeated unit adds up (<c>1d1d</c>)
/// and, as in BIND, a bare number after a unit (<c>1h30</c>) is an error.
/// </summary>
public static class TtlText
{
    public static bool TryParse(ReadOnlySpan<char> text, out uint seconds)
    {
        seconds = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        ulong total = 0, current = 0;
        bool digits = false, units = false;
        foreach (char c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                current = (current * 10) + (ulong)(c - '0');
                digits = true;
                if (current > uint.MaxValue)
                {
                    return false;
                }

                continue;
            }

            ulong multiplier = char.ToLowerInvariant(c) switch
            {
                's' => 1,
                'm' => 60,
                'h' => 3600,
                'd' => 86400,
                'w' => 604800,
                _ => 0,
            };
            if (multiplier == 0 || !digits)
            {
                return false;
            }

            total += current * multiplier;
            current = 0;
            digits = false;
            units = true;
        }

        if (digits)
        {
            if (units)
            {
                return false;
            }

            total = current;
        }

        if (total > uint.MaxValue)
        {
            return false;
        }

        seconds = (uint)total;
        return true;
    }

    public static uint Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out uint seconds) ? seconds : throw new DnsFormatException($"'{text}' is not a TTL (seconds, or units like 1h30m, 1w)");
}
