namespace Zonal.TestSupport;

/// <summary>What a finished process left behind: exit code and everything it wrote.</summary>
public sealed record ProcessResult(string FileName, IReadOnlyList<string> Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    public string CommandLine => string.Join(' ', Arguments.Prepend(FileName));

    /// <summary>The command and its output, for assertion messages.</summary>
    public string Describe() =>
        $"$ {CommandLine}\nexit code {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
