using System.Globalization;

/// <summary>
/// Environment knobs of the propagation benchmark, beside its arguments:
/// ZONAL_BENCH_SPACING_MS=n starts a write at most every n ms (default 0: each right after the last is ACTIVE);
/// ZONAL_BENCH_SERIAL_QUERY_RATE=n sets the bind9 mode's named serial-query-rate (named's default is 20).
/// </summary>
internal static class BenchKnobs
{
    public static TimeSpan Spacing { get; } = TimeSpan.FromMilliseconds(Read("ZONAL_BENCH_SPACING_MS") ?? 0);

    public static int? SerialQueryRate { get; } = Read("ZONAL_BENCH_SERIAL_QUERY_RATE");

    /// <summary>What the run measured under, for its result line.</summary>
    public static string Describe(bool bind9) =>
        $"spacing {(Spacing > TimeSpan.Zero ? $"{Spacing.TotalMilliseconds:F0} ms" : "none")}"
        + (bind9 ? $", named serial-query-rate {SerialQueryRate?.ToString(CultureInfo.InvariantCulture) ?? "default (20)"}" : "");

    /// <summary>Waits out the rest of the spacing after a write that started <paramref name="elapsed"/> ago.</summary>
    public static Task PaceAsync(TimeSpan elapsed) => elapsed < Spacing ? Task.Delay(Spacing - elapsed) : Task.CompletedTask;

    private static int? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
}
