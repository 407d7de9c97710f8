namespace Zonal.TestSupport;

/// <summary>
/// Finds the BIND 9 programs the oracle tests run. A missing program is a test failure with a message
/// that says what to install: these tests never skip, so a machine without BIND cannot pass by accident.
/// </summary>
public static class BindTools
{
    private static readonly string[] SearchDirectories = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/sbin", "/bin"];

    public static string Named => Require("named", "bind9");

    public static string NamedCheckZone => Require("named-checkzone", "bind9-utils");

    public static string NamedCompileZone => Require("named-compilezone", "bind9-utils");

    public static string Dig => Require("dig", "bind9-dnsutils");

    public static string Rndc => Require("rndc", "bind9-utils");

    public static string TsigKeygen => Require("tsig-keygen", "bind9-utils");

    /// <summary>True when the test script demands real servers (it sets ZONAL_REQUIRE_SERVERS=1).</summary>
    public static bool ServersRequired => Environment.GetEnvironmentVariable("ZONAL_REQUIRE_SERVERS") == "1";

    public static string? Find(string program) =>
        SearchDirectories.Select(directory => Path.Combine(directory, program)).FirstOrDefault(File.Exists);

    public static string Require(string program, string debianPackage)
    {
        var path = Find(program);
        if (path is not null)
        {
            return path;
        }

        var why = ServersRequired
            ? "ZONAL_REQUIRE_SERVERS=1 demands the real BIND tools"
            : "BIND is the oracle these tests compare against, so they fail rather than skip";
        throw new InvalidOperationException(
            $"BIND program '{program}' was not found in {string.Join(", ", SearchDirectories)}; {why}. "
            + $"Install it with: apt-get install --no-install-recommends {debianPackage}");
    }
}
