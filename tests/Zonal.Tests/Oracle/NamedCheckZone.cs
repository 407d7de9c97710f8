namespace Zonal.Tests.Oracle;

/// <summary>
/// BIND's zone file checker as an oracle: its verdict on a file, and its canonical dump of the records
/// it loaded. Integrity checks run in <c>-i local</c> mode (in-zone NS/MX/SRV targets must resolve).
/// </summary>
public static class NamedCheckZone
{
    /// <summary>Runs <c>named-checkzone -i local ORIGIN FILE</c>; relative <c>$INCLUDE</c> paths resolve from <paramref name="workingDirectory"/>.</summary>
    public static ProcessResult Check(string origin, string file, string? workingDirectory = null) =>
        ProcessRunner.Run(BindTools.NamedCheckZone, ["-i", "local", origin, file], ProcessRunner.DefaultTimeout, workingDirectory);

    /// <summary>
    /// Loads <paramref name="zoneText"/> and dumps it to stdout (<c>-D -o -</c>) whatever the verdict, so a
    /// test can assert on BIND's rejection as well as on its presentation of what it accepted.
    /// </summary>
    public static ProcessResult DumpText(string origin, string zoneText)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, zoneText);
            return ProcessRunner.Run(BindTools.NamedCheckZone, ["-i", "local", "-D", "-o", "-", origin, file], ProcessRunner.DefaultTimeout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// The zone as BIND loaded it (<c>-D</c>): one line per record, absolute names, explicit TTL and class,
    /// in BIND's presentation form. Throws with BIND's messages when the zone does not load.
    /// </summary>
    public static IReadOnlyList<string> Dump(string origin, string file, string? workingDirectory = null)
    {
        var output = Path.GetTempFileName();
        try
        {
            var result = ProcessRunner.Run(
                BindTools.NamedCheckZone,
                ["-D", "-i", "local", "-o", output, origin, file],
                ProcessRunner.DefaultTimeout,
                workingDirectory);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"BIND could not load {file}:\n{result.Describe()}");
            }

            return [.. File.ReadAllLines(output).Where(line => line.Length > 0 && !line.StartsWith(';')).Select(PresentationLine.Normalize).Order(StringComparer.Ordinal)];
        }
        finally
        {
            File.Delete(output);
        }
    }
}
