using System.Globalization;
using Zonal.TestSupport;

/// <summary>
/// Environment knobs of the propagation benchmark, beside its arguments:
/// ZONAL_BENCH_SPACING_MS=n starts a write at most every n ms (default 0: each right after the last is ACTIVE);
/// ZONAL_BENCH_SERIAL_QUERY_RATE=n sets the bind9 mode's named serial-query-rate (named's default is 20);
/// ZONAL_BENCH_NAMED_LOG=path keeps the bind9 mode's named log there (it says why a transfer waited).
/// </summary>
internal static class BenchKnobs
{
    public static TimeSpan Spacing { get; } = TimeSpan.FromMilliseconds(Read("ZONAL_BENCH_SPACING_MS") ?? 0);

    public static int? SerialQueryRate { get; } = Read("ZONAL_BENCH_SERIAL_QUERY_RATE");

    /// <summary>named.conf options of the bind9 mode's named.</summary>
    public static string NamedOptions => SerialQueryRate is { } rate ? $"serial-query-rate {rate};" : "";

    /// <summary>Writes <paramref name="named"/>'s log where ZONAL_BENCH_NAMED_LOG says, if it does.</summary>
    public static void KeepNamedLog(NamedTarget? named)
    {
        if (named is not null && Environment.GetEnvironmentVariable("ZONAL_BENCH_NAMED_LOG") is { Length: > 0 } path)
        {
            File.WriteAllText(path, named.Log);
        }
    }

    /// <summary>What the run measured under, for its result line.</summary>
    public static string Describe(bool bind9) =>
        $"spacing {(Spacing > TimeSpan.Zero ? $"{Spacing.TotalMilliseconds:F0} ms" : "none")}"
        + (bind9 ? $", named serial-query-rate {SerialQueryRate?.ToString(CultureInfo.InvariantCulture) ?? "default (20)"}" : "");

    /// <summary>Waits out the rest of the spacing after a write that started <paramref name="elapsed"/> ago.</summary>
    public static Task PaceAsync(TimeSpan elapsed) => elapsed < Spacing ? Task.Delay(Spacing - elapsed) : Task.CompletedTask;

    private static int? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
}
