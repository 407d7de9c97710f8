using System.Diagnostics;
using System.Net;
using System.Text;

namespace Zonal.Tests.Servers;

/// <summary>
/// A real BIND <c>named</c> running in the foreground on 127.0.0.1 at a free port (UDP and TCP), in its
/// own temporary directory with a generated named.conf. <see cref="Start"/> returns once every zone
/// answers SOA; <see cref="Dispose"/> stops the process and removes the directory.
/// </summary>
public sealed class NamedServer : IDisposable
{
    private readonly DaemonProcess _daemon;
    private readonly RndcChannel? _rndc;

    private NamedServer(DaemonProcess daemon, int port, RndcChannel? rndc)
    {
        _daemon = daemon;
        Port = port;
        _rndc = rndc;
    }

    public string Directory => _daemon.Directory;

    public int Port { get; }

    /// <summary>The rndc port, when <see cref="NamedServerOptions.EnableControls"/> was set.</summary>
    public int? ControlPort => _rndc?.Port;

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public string ConfigPath => Path.Combine(Directory, "named.conf");

    /// <summary>Everything named wrote to stderr so far: its log.</summary>
    public string Log => _daemon.Log;

    /// <summary>The log without the start-up banner: what a failure message needs.</summary>
    public string LogExcerpt =>
        string.Join('\n', Log.Split('\n').SkipWhile(line => !line.Contains("loading configuration", StringComparison.Ordinal)));

    public static NamedServer Start(params NamedZone[] zones) => Start(zones, new NamedServerOptions());

    public static NamedServer Start(IReadOnlyList<NamedZone> zones, NamedServerOptions options)
    {
        // Another process may take a free port between our probe and named's bind; named then exits,
        // and a fresh port is the cure.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return StartOnce(zones, options);
            }
            catch (PortTakenException) when (attempt < 3)
            {
            }
        }
    }

    private static NamedServer StartOnce(IReadOnlyList<NamedZone> zones, NamedServerOptions options)
    {
        var daemon = DaemonProcess.CreateIn("named");
        try
        {
            var port = FreePorts.NextUdpAndTcp();
            var rndc = options.EnableControls ? RndcChannel.Create(daemon) : null;
            WriteFiles(daemon, zones, options, port, rndc);
            NamedDaemon.Start(daemon);
            var server = new NamedServer(daemon, port, rndc);
            server.WaitUntilServing(zones, options.StartTimeout);
            return server;
        }
        catch
        {
            daemon.Dispose();
            throw;
        }
    }

    /// <summary>Runs dig against this server; the arguments follow <c>dig @127.0.0.1 -p PORT</c>.</summary>
    public ProcessResult Dig(params string[] arguments) =>
        ProcessRunner.Run(BindTools.Dig, ["@127.0.0.1", "-p", Port.ToString(), .. arguments], TimeSpan.FromSeconds(30));

    /// <summary>Runs an rndc command over this server's control channel.</summary>
    public ProcessResult Rndc(params string[] arguments) =>
        _rndc?.Run(TimeSpan.FromSeconds(30), arguments) ?? throw new InvalidOperationException("this named was started without EnableControls");

    /// <summary>Writes (or replaces) a file in the server's directory, e.g. a zone file before <c>rndc reload</c>.</summary>
    public string WriteFile(string fileName, string text) => _daemon.WriteFile(fileName, text);

    public void Dispose() => _daemon.Dispose();

    private static void WriteFiles(DaemonProcess daemon, IReadOnlyList<NamedZone> zones, NamedServerOptions options, int port, RndcChannel? rndc)
    {
        // Without a controls statement named would try the system-wide rndc.key and port 953, shared with everyone.
        var statements = new StringBuilder(rndc?.Configuration ?? "controls { };\n");
        statements.Append(options.ExtraConfiguration).Append('\n');
        for (var i = 0; i < zones.Count; i++)
        {
            var fileName = $"zone-{i}.db";
            daemon.WriteFile(fileName, zones[i].ZoneFileText);
            statements.Append($$"""
                zone "{{zones[i].AbsoluteOrigin}}" { type primary; file "{{fileName}}"; {{zones[i].ExtraZoneStatements}} };

                """);
        }

        NamedDaemon.WriteConfiguration(daemon, port, "allow-transfer { 127.0.0.1; };\n" + options.ExtraOptions, statements.ToString());
    }

    private void WaitUntilServing(IReadOnlyList<NamedZone> zones, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var waiting = zones.Select(zone => zone.AbsoluteOrigin).ToList();
        while (waiting.Count > 0)
        {
            if (_daemon.Exited)
            {
                var exitCode = _daemon.ExitCode;
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
}
