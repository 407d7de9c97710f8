using System.Text.RegularExpressions;
using Zonal.Tests.Oracle;

namespace Zonal.Tests.Wire;

/// <summary>
/// What <c>dig +noall +answer +authority +comments</c> printed, split into the header facts and the
/// record lines of each section, so they can be set against a message we decoded ourselves.
/// </summary>
public sealed partial class DigOutput
{
    private DigOutput(string text) => Text = text;

    public string Text { get; }

    public string? Status { get; private set; }

    public HashSet<string> Flags { get; } = [];

    /// <summary>The UDP payload size of the response's OPT record; null when it had none.</summary>
    public int? EdnsUdpSize { get; private set; }

    public List<string> Answer { get; } = [];

    public List<string> Authority { get; } = [];

    /// <summary>All record lines in the order dig printed them, whatever the section (AXFR output has no titles).</summary>
    public List<string> Records { get; } = [];

    /// <summary>From <c>+stats</c> after a transfer: how many messages carried it.</summary>
    public int? TransferMessages { get; private set; }

    public static DigOutput Parse(ProcessResult dig)
    {
        if (!dig.Succeeded)
        {
            throw new InvalidOperationException($"dig failed:\n{dig.Describe()}");
        }

        var output = new DigOutput(dig.StandardOutput);
        List<string>? section = null;
        foreach (var raw in dig.StandardOutput.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith(';'))
            {
                section = output.ReadComment(line) ?? section;
                continue;
            }

            var record = PresentationLine.Normalize(line);
            output.Records.Add(record);
            section?.Add(record);
        }

        return output;
    }

    private List<string>? ReadComment(string line)
    {
        if (line.StartsWith(";; ANSWER SECTION", StringComparison.Ordinal))
        {
            return Answer;
        }

        if (line.StartsWith(";; AUTHORITY SECTION", StringComparison.Ordinal))
        {
            return Authority;
        }

        if (StatusPattern().Match(line) is { Success: true } status)
        {
            Status = status.Groups[1].Value;
        }
        else if (FlagsPattern().Match(line) is { Success: true } flags)
        {
            Flags.UnionWith(flags.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        else if (EdnsPattern().Match(line) is { Success: true } edns)
        {
            EdnsUdpSize = int.Parse(edns.Groups[1].Value);
        }
        else if (TransferPattern().Match(line) is { Success: true } transfer)
        {
            TransferMessages = int.Parse(transfer.Groups[1].Value);
        }

        return null;
    }

    [GeneratedRegex(@"status: (\w+),")]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@"^;; flags:([^;]*);")]
    private static partial Regex FlagsPattern();

    [GeneratedRegex(@"EDNS: version: \d+, flags:[^;]*; udp: (\d+)")]
    private static partial Regex EdnsPattern();

    [GeneratedRegex(@"XFR size: \d+ records \(messages (\d+),")]
    private static partial Regex TransferPattern();
}
