namespace Zonal.Tests.Oracle;

/// <summary>
/// Runs the built <c>zonal</c> executable the way an operator would: <c>dotnet zonal.dll ARGS</c>. The
/// project reference copies zonal.dll beside the tests; a build tree of src/Zonal is the fallback.
/// </summary>
public static class ZonalCli
{
    private static readonly Lazy<string> Assembly = new(FindAssembly);

    public static string AssemblyPath => Assembly.Value;

    public static ProcessResult Run(IEnumerable<string> arguments, string? workingDirectory = null) =>
        ProcessRunner.Run(DotnetHost(), [AssemblyPath, .. arguments], ProcessRunner.DefaultTimeout, workingDirectory);

    private static string DotnetHost()
    {
        // The test host tells us which dotnet runs it; use the same one for the child.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet")))
        {
            return Path.Combine(root, "dotnet");
        }

        return "dotnet";
    }

    private static string FindAssembly()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "zonal.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "zonal.runtimeconfig.json")))
        {
            return beside;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var project = Path.Combine(directory.FullName, "src", "Zonal", "bin");
            if (Directory.Exists(project))
            {
                var built = Directory.EnumerateFiles(project, "zonal.dll", SearchOption.AllDirectories)
                    .OrderByDescending(File.GetLastWriteTimeUtc)
                    .FirstOrDefault();
                if (built is not null)
                {
                    return built;
                }
            }
        }

        throw new InvalidOperationException(
            $"zonal.dll was not found beside the tests ({AppContext.BaseDirectory}) nor under src/Zonal/bin; build src/Zonal first");
    }
}
