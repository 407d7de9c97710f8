using System.Diagnostics;
using System.Text.Json;

namespace Zonal.Service.Tests.Compatibility;

/// <summary>What one `openstack` command did: its exit code and both streams.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The `-f json` output; fails the test when the command did not succeed.</summary>
    public JsonElement Json
    {
        get
        {
            Assert.True(ExitCode == 0, ToString());
            return JsonDocument.Parse(Stdout).RootElement;
        }
    }

    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

/// <summary>
/// Runs Debian's real `openstack` client (python3-openstackclient with python3-designateclient) against
/// one endpoint with keystone switched off. A missing client fails the test: this check must never
/// pass on a machine that cannot run it.
/// </summary>
public sealed class OpenStackCli(string endpoint)
{
    private static readonly string[] SearchDirectories = ["/usr/bin", "/usr/local/bin", "/bin"];
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public async Task<CliResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Program()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--os-auth-type", "none", "--os-endpoint", endpoint, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        // A developer's cloud settings must not leak into the command.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("OS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"openstack {string.Join(' ', arguments)} did not finish within {Timeout}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Program()
    {
        var path = SearchDirectories.Select(d => Path.Combine(d, "openstack")).FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        var why = Environment.GetEnvironmentVariable("ZONAL_REQUIRE_SERVERS") == "1"
            ? "ZONAL_REQUIRE_SERVERS=1 demands the real client"
            : "the compatibility tests fail rather than skip without it";
        throw new InvalidOperationException(
            $"'openstack' was not found in {string.Join(", ", SearchDirectories)}; {why}. "
            + "Install it with: apt-get install --no-install-recommends python3-openstackclient python3-designateclient");
    }
}
