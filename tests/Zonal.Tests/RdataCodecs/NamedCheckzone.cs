using System.Diagnostics;

namespace Zonal.Tests.RdataCodecs;

/// <summary>Runs BIND's named-checkzone on a zone file, with a time limit, and returns what it printed.</summary>
internal static class NamedCheckzone
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public sealed record Result(int ExitCode, string Output, string Errors);

    /// <summary>
    /// <c>named-checkzone -i local -D -o - ZONE FILE</c>: checks the zone without looking up names outside it
    /// and dumps it in canonical form. A missing tool fails the test: these tests must never pass silently.
    /// </summary>
    public static Result Dump(string zone, string zoneText)
    {
        string tool = Locate();
        string file = Path.Combine(Path.GetTempPath(), $"zonal-rdata-{Guid.NewGuid():N}.db");
        File.WriteAllText(file, zoneText);
        try
        {
            var start = new ProcessStartInfo(tool)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { "-i", "local", "-D", "-o", "-", zone, file })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} did not finish within {Timeout.TotalSeconds} s");
            }

            return new Result(process.ExitCode, output.Result, errors.Result);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Locate()
    {
        var candidates = new List<string> { "/usr/sbin/named-checkzone", "/usr/bin/named-checkzone" };
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            candidates.Add(Path.Combine(dir, "named-checkzone"));
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("named-checkzone (BIND 9) is not installed; install bind9-utils to run these tests");
    }
}
