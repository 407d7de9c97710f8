using System.Diagnostics;

namespace Zonal.Tests.Cli;

/// <summary>Runs the built <c>zonal</c> executable and captures what it prints.</summary>
internal static class ZonalProcess
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) =>
        RunTool("dotnet", [Path.Combine(AppContext.BaseDirectory, "zonal.dll"), .. args]);

    public static (int ExitCode, string Stdout, string Stderr) RunTool(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(true);
            throw new TimeoutException($"{file} did not finish in 60 s");
        }

        return (process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>
    /// The path of a BIND tool, or null when it is missing and the run does not insist on it;
    /// with ZONAL_REQUIRE_SERVERS=1 a missing tool fails the test.
    /// </summary>
    public static string? BindTool(string name)
    {
        foreach (string folder in (string[])["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"])
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        Assert.True(Environment.GetEnvironmentVariable("ZONAL_REQUIRE_SERVERS") != "1", $"{name} is not installed");
        return null;
    }
}
