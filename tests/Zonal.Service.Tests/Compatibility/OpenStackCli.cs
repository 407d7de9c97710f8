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
/// one endpoint with keystone switched off, or as a Keystone user finding the dns endpoint in the catalog.
/// A missing client fails the test: this check must never pass on a machine that cannot run it.
/// </summary>
public sealed class OpenStackCli(IReadOnlyList<string> connection)
{
    public OpenStackCli(string endpoint)
        : this(["--os-auth-type", "none", "--os-endpoint", endpoint])
    {
    }

    private static readonly string[] SearchDirectories = ["/usr/bin", "/usr/local/bin", "/bin"];
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Password auth against Keystone v3, scoped to the user's project, region RegionOne.</summary>
    public static OpenStackCli WithPassword(Uri authUrl, string user, string password, string project) => new(
    [
        "--os-auth-type", "password", "--os-auth-url", authUrl.ToString(), "--os-identity-api-version", "3",
        "--os-username", user, "--os-password", password, "--os-project-name", project,
        "--os-user-domain-name", "Default", "--os-project-domain-name", "Default", "--os-region-name", "RegionOne",
    ]);

    public async Task<CliResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Program()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[.. connection, .. arguments])
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
