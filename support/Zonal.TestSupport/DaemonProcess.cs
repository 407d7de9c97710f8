using System.Diagnostics;
using System.Text;

namespace Zonal.TestSupport;

/// <summary>
/// A nameserver daemon run in the foreground by a test, in its own temporary directory, with its
/// output kept as its log. Dispose kills it and removes the directory.
/// </summary>
public sealed class DaemonProcess : IDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    private DaemonProcess(string name, string directory)
    {
        Name = name;
        Directory = directory;
    }

    public string Name { get; }

    public string Directory { get; }

    public string Log => ProcessRunner.Snapshot(_log);

    public bool Exited => _process is null || _process.HasExited;

    /// <summary>The exit code once the daemon has exited by itself; null while it runs or after <see cref="Stop"/>.</summary>
    public int? ExitCode => _process is { HasExited: true } process ? process.ExitCode : null;

    public static DaemonProcess CreateIn(string name) =>
        new(name, System.IO.Directory.CreateTempSubdirectory($"zonal-{name}-").FullName);

    public string WriteFile(string fileName, string text)
    {
        var path = Path.Combine(Directory, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    public void Start(string program, params string[] arguments)
    {
        var process = new Process { StartInfo = ProcessRunner.CreateStartInfo(program, arguments, Directory) };
        process.OutputDataReceived += (_, e) => ProcessRunner.Append(_log, e.Data);
        process.ErrorDataReceived += (_, e) => ProcessRunner.Append(_log, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Waits for <paramref name="ready"/>; a daemon that exits or overruns fails the test with its log.</summary>
    public void WaitUntil(Func<bool> ready, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (!ready())
        {
            if (Exited)
            {
                throw new InvalidOperationException($"{Name} exited before {what}; its log:\n{Log}");
            }

            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException($"{Name}: not {what} within {clock.Elapsed.TotalSeconds:0} s; its log:\n{Log}");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Kills the daemon but keeps its directory, so it can be started again as it was.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Stop();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp directory; harmless.
        }
    }
}
