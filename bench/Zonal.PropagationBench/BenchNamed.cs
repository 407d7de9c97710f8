using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Zonal.Central;

/// <summary>
/// A real BIND9 named for the bind9 mode: no zones of its own, allow-new-zones, an rndc channel with a
/// generated key, on free loopback ports in a temporary directory. Dispose kills it and removes the directory.
/// </summary>
internal sealed class BenchNamed : IDisposable
{
    private readonly Process _process;

    private BenchNamed(Process process, string directory, int port, int controlPort)
    {
        _process = process;
        Directory = directory;
        Port = port;
        ControlPort = controlPort;
    }

    public string Directory { get; }

    public int Port { get; }

    public int ControlPort { get; }

    private string KeyFile => Path.Combine(Directory, "rndc.key");

    public static BenchNamed Start()
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("zonal-propagation-named-").FullName;
        int port = FreePort(), control = FreePort();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(Path.Combine(dir, "rndc.key"), $$"""key "zonal-rndc" { algorithm hmac-sha256; secret "{{secret}}"; };""" + "\n");
        File.WriteAllText(Path.Combine(dir, "named.conf"), $$"""
            options {
                directory "{{dir}}";
                listen-on port {{port}} { 127.0.0.1; };
                listen-on-v6 { none; };
                pid-file "{{dir}}/named.pid";
                session-keyfile "{{dir}}/session.key";
                managed-keys-directory "{{dir}}";
                recursion no;
                dnssec-validation no;
                notify no;
                allow-new-zones yes;
                {{(BenchKnobs.SerialQueryRate is { } rate ? $"serial-query-rate {rate};" : "")}}
            };
            include "{{dir}}/rndc.key";
            controls { inet 127.0.0.1 port {{control}} allow { 127.0.0.1; } keys { "zonal-rndc"; }; };

            """);
        // -g: foreground, log to stderr (discarded); -n 1: one worker thread, the machine is shared.
        var info = new ProcessStartInfo("named", ["-g", "-4", "-n", "1", "-c", Path.Combine(dir, "named.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = dir,
        };
        var process = Process.Start(info)!;
        // ZONAL_BENCH_NAMED_LOG=path keeps named's log (it says why a transfer waited); otherwise it is dropped.
        var logPath = Environment.GetEnvironmentVariable("ZONAL_BENCH_NAMED_LOG");
        var log = logPath is null ? null : TextWriter.Synchronized(new StreamWriter(logPath) { AutoFlush = true });
        process.ErrorDataReceived += (_, e) => log?.WriteLine(e.Data);
        process.OutputDataReceived += (_, e) => log?.WriteLine(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var named = new BenchNamed(process, dir, port, control);
        named.WaitForRndc();
        return named;
    }

    /// <summary>The pool target for Zonal's bind9 backend, transferring from <paramref name="master"/>.</summary>
    public PoolTarget AsPoolTarget(PoolServer master) => new("bind9", null, [master], new Dictionary<string, string>
    {
        ["host"] = "127.0.0.1",
        ["port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["rndc_host"] = "127.0.0.1",
        ["rndc_port"] = ControlPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["rndc_key_file"] = KeyFile,
        ["rndc_timeout"] = "10",
    });

    public PoolServer AsNameserver() => new("127.0.0.1", Port);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private void WaitForRndc()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var rndc = Process.Start(new ProcessStartInfo("rndc", ["-k", KeyFile, "-s", "127.0.0.1", "-p", ControlPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "status"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            rndc.WaitForExit();
            if (rndc.ExitCode == 0)
            {
                return;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"named exited with {_process.ExitCode}");
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException("named did not answer rndc within 30 s");
    }

    // A port free for TCP; named binds UDP and TCP, and a clash only makes the benchmark fail to start.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
        return port;
    }
}
