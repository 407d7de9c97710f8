using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Zonal.Tests.Oracle;

namespace Zonal.Tests.Servers;

/// <summary>
/// A real BIND <c>named</c> running in the foreground on 127.0.0.1 at a free port (UDP and TCP), in its
/// own temporary directory with a generated named.conf. <see cref="Start"/> returns once every zone
/// answers SOA; <see cref="Dispose"/> stops the process and removes the directory.
/// </summary>
public sealed class NamedServer : IDisposable
{
    private const string RndcKeyName = "zonal-rndc";

    private readonly Process _process;
    private readonly StringBuilder _log;
    private bool _disposed;

    private NamedServer(Process process, StringBuilder log, string directory, int port, int? controlPort)
    {
        _process = process;
        _log = log;
        Directory = directory;
        Port = port;
        ControlPort = controlPort;
    }

    public string Directory { get; }

    public int Port { get; }

    /// <summary>The rndc port, when <see cref="NamedServerOptions.EnableControls"/> was set.</summary>
    public int? ControlPort { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public string ConfigPath => Path.Combine(Directory, "named.conf");

    /// <summary>Everything named wrote to stderr so far: its log.</summary>
    public string Log => ProcessRunner.Snapshot(_log);

    /// <summary>The log without the start-up banner: what a failure message needs.</summary>
    public string LogExcerpt =>
        string.Join('\n', Log.Split('\n').SkipWhile(line => !line.Contains("loading configuration", StringComparison.Ordinal)));

    public static NamedServer Start(params NamedZone[] zones) => Start(zones, new NamedServerOptions());

    public static NamedServer Start(IReadOnlyList<NamedZone> zones, NamedServerOptions options)
    {
        var named = BindTools.Named;
        // Another process may take a free port between our probe and named's bind; named then exits,
        // and a fresh port is the cure.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return StartOnce(named, zones, options);
            }
            catch (PortTakenException) when (attempt < 3)
            {
            }
        }
    }

    private static NamedServer StartOnce(string named, IReadOnlyList<NamedZone> zones, NamedServerOptions options)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("zonal-named-").FullName;
        try
        {
            var port = FreePorts.NextUdpAndTcp();
            int? controlPort = options.EnableControls ? FreePorts.NextUdpAndTcp() : null;
            WriteFiles(directory, zones, options, port, controlPort);
            var server = Launch(named, directory, port, controlPort);
            server.WaitUntilServing(zones, options.StartTimeout);
            return server;
        }
        catch
        {
            TryDeleteDirectory(directory);
            throw;
        }
    }

    /// <summary>Runs dig against this server; the arguments follow <c>dig @127.0.0.1 -p PORT</c>.</summary>
    public ProcessResult Dig(params string[] arguments) =>
        ProcessRunner.Run(BindTools.Dig, ["@127.0.0.1", "-p", Port.ToString(), .. arguments], TimeSpan.FromSeconds(30));

    /// <summary>Runs an rndc command over this server's control channel.</summary>
    public ProcessResult Rndc(params string[] arguments)
    {
        if (ControlPort is null)
        {
            throw new InvalidOperationException("this named was started without EnableControls");
        }

        return ProcessRunner.Run(
            BindTools.Rndc,
            ["-c", Path.Combine(Directory, "rndc.conf"), "-s", "127.0.0.1", "-p", ControlPort.Value.ToString(), .. arguments],
            TimeSpan.FromSeconds(30));
    }

    /// <summary>Writes (or replaces) a file in the server's directory, e.g. a zone file before <c>rndc reload</c>.</summary>
    public string WriteFile(string fileName, string text)
    {
        var path = Path.Combine(Directory, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // The process is already gone.
        }

        _process.Dispose();
        TryDeleteDirectory(Directory);
    }

    private static void WriteFiles(string directory, IReadOnlyList<NamedZone> zones, NamedServerOptions options, int port, int? controlPort)
    {
        var conf = new StringBuilder();
        conf.Append($$"""
            options {
                directory "{{directory}}";
                listen-on port {{port}} { 127.0.0.1; };
                listen-on-v6 { none; };
                pid-file "{{directory}}/named.pid";
                session-keyfile "{{directory}}/session.key";
                managed-keys-directory "{{directory}}";
                recursion no;
                dnssec-validation no;
                notify no;
                allow-transfer { 127.0.0.1; };
                {{options.ExtraOptions}}
            };

            """);
        if (controlPort is int control)
        {
            var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var key = $$"""
                key "{{RndcKeyName}}" { algorithm hmac-sha256; secret "{{secret}}"; };

                """;
            conf.Append(key).Append($$"""
                controls { inet 127.0.0.1 port {{control}} allow { 127.0.0.1; } keys { "{{RndcKeyName}}"; }; };

                """);
            File.WriteAllText(Path.Combine(directory, "rndc.conf"), key + $$"""
                options { default-key "{{RndcKeyName}}"; default-server 127.0.0.1; default-port {{control}}; };

                """);
        }
        else
        {
            // Without this named would try the system-wide rndc.key and port 953, shared with everyone.
            conf.Append("controls { };\n");
        }

        conf.Append(options.ExtraConfiguration).Append('\n');
        for (var i = 0; i < zones.Count; i++)
        {
            var fileName = $"zone-{i}.db";
            File.WriteAllText(Path.Combine(directory, fileName), zones[i].ZoneFileText);
            conf.Append($$"""
                zone "{{zones[i].AbsoluteOrigin}}" { type primary; file "{{fileName}}"; {{zones[i].ExtraZoneStatements}} };

                """);
        }

        File.WriteAllText(Path.Combine(directory, "named.conf"), conf.ToString());
    }

    private static NamedServer Launch(string named, string directory, int port, int? controlPort)
    {
        // -g: foreground, log to stderr; -n 1: one worker thread, the machine is shared; -4: loopback IPv4 only.
        var info = ProcessRunner.CreateStartInfo(named, ["-g", "-4", "-n", "1", "-c", Path.Combine(directory, "named.conf")], directory);
        var process = new Process { StartInfo = info };
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => ProcessRunner.Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => ProcessRunner.Append(log, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new NamedServer(process, log, directory, port, controlPort);
    }

    private void WaitUntilServing(IReadOnlyList<NamedZone> zones, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var waiting = zones.Select(zone => zone.AbsoluteOrigin).ToList();
        while (waiting.Count > 0)
        {
            if (_process.HasExited)
            {
                var exitCode = _process.ExitCode;
                var log = LogExcerpt;
                Dispose();
                var message = $"named exited with code {exitCode} before serving; its log:\n{log}";
                throw log.Contains("unable to listen", StringComparison.Ordinal) || log.Contains("address in use", StringComparison.OrdinalIgnoreCase)
                    ? new PortTakenException(message)
                    : new InvalidOperationException(message);
            }

            var failed = waiting.FirstOrDefault(origin => Log.Contains($"zone {origin.TrimEnd('.')}/IN: not loaded due to errors", StringComparison.OrdinalIgnoreCase));
            if (failed is not null)
            {
                var log = LogExcerpt;
                Dispose();
                throw new InvalidOperationException($"named could not load zone {failed}; its log:\n{log}");
            }

            if (clock.Elapsed > timeout)
            {
                var log = LogExcerpt;
                Dispose();
                throw new TimeoutException(
                    $"named did not serve {string.Join(", ", waiting)} within {timeout.TotalSeconds:0} s; its log:\n{log}");
            }

            waiting.RemoveAll(origin => SoaProbe.Answers(EndPoint, origin, TimeSpan.FromMilliseconds(300)));
            if (waiting.Count > 0)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temp directory; harmless.
        }
    }
}
