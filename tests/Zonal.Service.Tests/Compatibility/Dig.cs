using System.Diagnostics;

namespace Zonal.Service.Tests.Compatibility;

/// <summary>What one `dig` query got: the response code, whether it was authoritative, the answer records' data.</summary>
public sealed record DigAnswer(string Status, bool Authoritative, IReadOnlyList<string> Answers, string Output);

/// <summary>
/// Debian's real `dig` (dnsutils) asking one server without recursion. A missing dig fails the test:
/// this check must never pass on a machine that cannot run it.
/// </summary>
public static class Dig
{
    private const string Program = "/usr/bin/dig";

    public static async Task<DigAnswer> QueryAsync(int port, string name, string type)
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException($"{Program} was not found; install it with: apt-get install --no-install-recommends dnsutils");
        }

        var start = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["@127.0.0.1", "-p", port.ToString(), "+norecurse", "+time=2", "+tries=2", name, type])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = output.Split('\n');
        var header = lines.FirstOrDefault(l => l.Contains("status: ", StringComparison.Ordinal)) ?? throw new InvalidOperationException($"dig got no answer:\n{output}");
        var status = header[(header.IndexOf("status: ", StringComparison.Ordinal) + 8)..].Split(',')[0];
        var flags = lines.FirstOrDefault(l => l.StartsWith(";; flags:", StringComparison.Ordinal)) ?? "";
        var authoritative = flags.Split(';')[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("aa");
        var answers = lines.SkipWhile(l => !l.StartsWith(";; ANSWER SECTION:", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Length > 0)
            .Select(l => l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 5 && f[3] == type).Select(f => string.Join(' ', f[4..])).ToList();
        return new DigAnswer(status, authoritative, answers, output);
    }
}
