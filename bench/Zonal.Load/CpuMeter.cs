using System.Diagnostics;
using System.Globalization;

namespace Zonal.Load;

/// <summary>
/// CPU time spent by this process (service and clients) plus, when given, the PostgreSQL server
/// listening on a port (postmaster, its live children and its reaped ones). On a shared machine the
/// wall-clock rate depends on what else runs; the CPU spent per request much less so.
/// </summary>
public sealed class CpuMeter(int? postgresPort)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>CPU time so far of this process and of the database server (zero for SQLite, which runs in this process).</summary>
    public (TimeSpan Own, TimeSpan Database) Total()
    {
        var own = Process.GetCurrentProcess().TotalProcessorTime;
        return (own, postgresPort is int port && FindPostmaster(port) is int postmaster ? PostgresTime(postmaster) : TimeSpan.Zero);
    }

    private static TimeSpan PostgresTime(int postmaster)
    {
        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } stat && (pid == postmaster || stat.Parent == postmaster))
            {
                ticks += stat.Ticks + (pid == postmaster ? stat.ChildTicks : 0);
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static int? FindPostmaster(int port)
    {
        var portArgument = "\0-p\0" + port.ToString(CultureInfo.InvariantCulture) + "\0";
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (cmdline.Contains("postgres", StringComparison.Ordinal) && cmdline.Contains(portArgument, StringComparison.Ordinal))
                {
                    return int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // A process that ended while being read, or /proc/self-like entries.
            }
        }

        return null;
    }

    /// <summary>Fields of /proc/PID/stat after the command name: ppid (4), utime+stime (14, 15), cutime+cstime (16, 17).</summary>
    private static (int Parent, double Ticks, double ChildTicks)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            double F(int n) => double.Parse(fields[n - 3], CultureInfo.InvariantCulture);
            return ((int)F(4), F(14) + F(15), F(16) + F(17));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
