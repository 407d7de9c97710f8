using System.Globalization;

namespace Zonal.Load;

/// <summary>Command-line switches; every one has a default so a bare run measures everything.</summary>
public sealed record LoadOptions(string[] Databases, int Writes, int Seconds, int Zones, int Lists, int Warmup, int WarmupRounds, bool Fsync, bool WithoutRelay, bool Analyze = false)
{
    // A service's throughput is a steady-state number: by default the warm-up repeats (up to this many
    // rounds) until tiered compilation has settled, so JIT work is not charged to the measured scenarios.
    private const int DefaultWarmupRounds = 20;

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions(["sqlite", "postgresql"], 2000, 20, 10_000, 2000, 500, DefaultWarmupRounds, false, false);
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.Parse(Next(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--database" => o with { Databases = Next() is var d && d == "both" ? o.Databases : [d] },
                "--writes" => o with { Writes = Number() },
                "--seconds" => o with { Seconds = Number() },
                "--zones" => o with { Zones = Number() },
                "--lists" => o with { Lists = Number() },
                "--warmup" => o with { Warmup = Number() },
                "--warmup-rounds" => o with { WarmupRounds = Number() },
                "--without-relay" => o with { WithoutRelay = true },
                "--fsync" => o with { Fsync = true },
                "--analyze" => o with { Analyze = true },
                _ => throw new ArgumentException($"unknown switch {args[i]}: --database sqlite|postgresql|both, --writes N, --seconds N, --zones N, --lists N, --warmup N (writes per each of 4 clients), --warmup-rounds N (at most, until the JIT settles; default 20), --fsync, --without-relay, --analyze (PostgreSQL: ANALYZE after the warm-up)"),
            };
        }

        return o;
    }
}
