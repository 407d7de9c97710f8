using System.Net;
using System.Security.Cryptography;
using Zonal.Central;
using Zonal.Tests.Oracle;
using Zonal.Tests.Servers;

namespace Zonal.Tests.Backends;

/// <summary>
/// A real named as a pool target: no zones of its own, <c>allow-new-zones</c>, an rndc channel with
/// a generated key file, on free loopback ports. It can be stopped and started again on the same
/// ports with the zones rndc added (named keeps them in its new-zone database).
/// </summary>
public sealed class NamedTarget : ITargetServer
{
    private readonly DaemonProcess _daemon;

    private NamedTarget(DaemonProcess daemon, int port, int controlPort)
    {
        _daemon = daemon;
        Port = port;
        ControlPort = controlPort;
    }

    public int Port { get; }

    public int ControlPort { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public string KeyFile => Path.Combine(_daemon.Directory, "rndc.key");

    public string Log => _daemon.Log;

    public string Directory => _daemon.Directory;

    /// <param name="extraConfiguration">Appended to named.conf (keys, server clauses, zones).</param>
    /// <param name="extraOptions">Added inside the options statement (e.g. catalog-zones).</param>
    public static NamedTarget Start(string extraConfiguration = "", string extraOptions = "")
    {
        var daemon = DaemonProcess.CreateIn("named-target");
        var dir = daemon.Directory;
        var port = FreePorts.NextUdpAndTcp();
        var control = FreePorts.NextUdpAndTcp();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        daemon.WriteFile("rndc.key", $$"""key "zonal-rndc" { algorithm hmac-sha256; secret "{{secret}}"; };""" + "\n");
        daemon.WriteFile("named.conf", $$"""
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
                // As src/Zonal/Backends/README.md advises operators: without it named holds every other
                // refresh of back-to-back changes up to 0.5 s. The benchmark measures named's default.
                serial-query-rate 1000;
                {{extraOptions}}
            };
            include "{{dir}}/rndc.key";
            controls { inet 127.0.0.1 port {{control}} allow { 127.0.0.1; } keys { "zonal-rndc"; }; };
            {{extraConfiguration}}

            """);
        var target = new NamedTarget(daemon, port, control);
        target.Resume();
        return target;
    }

    /// <summary>The pool target for Zonal's bind9 backend, transferring from <paramref name="masters"/>.</summary>
    public PoolTarget AsPoolTarget(params PoolServer[] masters) => new("bind9", null, masters, new Dictionary<string, string>(ITargetServer.NotifyOptions(EndPoint))
    {
        ["rndc_host"] = "127.0.0.1",
        ["rndc_port"] = ControlPort.ToString(),
        ["rndc_key_file"] = KeyFile,
        ["rndc_timeout"] = "10",
    });

    public PoolServer AsNameserver() => new("127.0.0.1", Port);

    /// <summary>Kills named; its directory (and the zones rndc added) stay for <see cref="Resume"/>.</summary>
    public void Stop() => _daemon.Stop();

    /// <summary>Starts named again on the same ports and waits for its control channel.</summary>
    public void Resume()
    {
        _daemon.Start(BindTools.Named, "-g", "-4", "-n", "1", "-c", Path.Combine(_daemon.Directory, "named.conf"));
        var rndc = BindTools.Rndc;
        _daemon.WaitUntil(
            () => ProcessRunner.Run(rndc, ["-k", KeyFile, "-s", "127.0.0.1", "-p", ControlPort.ToString(), "status"], TimeSpan.FromSeconds(10)).Succeeded,
            "answering rndc");
    }

    public void Dispose() => _daemon.Dispose();
}
