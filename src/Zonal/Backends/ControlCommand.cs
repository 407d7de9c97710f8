using System.Diagnostics;
using System.Text;

namespace Zonal.Backends;

/// <summary>What a nameserver's control program (rndc, knotc, nsd-control) printed and returned.</summary>
public sealed record ControlResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs a nameserver's control program with arguments (no shell), killed when it overruns.</summary>
public static class ControlCommand
{
    public static async Task<ControlResult> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken ct)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BackendException($"cannot run '{program}': {e.Message}", e);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            ct.ThrowIfCancellationRequested();
            throw new BackendException($"'{program} {string.Join(' ', arguments)}' did not finish within {timeout.TotalSeconds:0.#} s");
        }

        var output = new StringBuilder().Append(await stdout).Append(await stderr).ToString().Trim();
        return new ControlResult(process.ExitCode, output);
    }
}
