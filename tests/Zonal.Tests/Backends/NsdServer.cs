using Zonal.Central;
using Zonal.Pools;

namespace Zonal.Tests.Backends;

/// <summary>
/// A real nsd on 127.0.0.1 at a free port, with nsd-control keys made by nsd-control-setup and a
/// "slave" pattern that transfers from <c>masterPort</c> on 127.0.0.1 and takes its NOTIFY.
/// </summary>
public sealed class NsdServer : DaemonTargetServer
{
    private NsdServer(DaemonProcess daemon, int port)
        : base(daemon, port)
    {
    }

    public string ConfigPath => Path.Combine(Daemon.Directory, "nsd.conf");

    public static NsdServer Start(int masterPort)
    {
        var daemon = DaemonProcess.CreateIn("nsd");
        var setup = ProcessRunner.Run(BindTools.Require("nsd-control-setup", "nsd"), "-d", daemon.Directory);
        Assert.True(setup.Succeeded, setup.Describe());
        var port = FreePorts.NextUdpAndTcp();
        var controlPort = FreePorts.NextUdpAndTcp();
        var dir = daemon.Directory;
        daemon.WriteFile("nsd.conf", $"""
            server:
                server-count: 1
                ip-address: 127.0.0.1
                port: {port}
                zonesdir: "{dir}"
                database: ""
                zonelistfile: "{dir}/zone.list"
                pidfile: "{dir}/nsd.pid"
                xfrdfile: "{dir}/xfrd.state"
                xfrdir: "{dir}"
                username: ""
                chroot: ""
                verbosity: 2
            remote-control:
                control-enable: yes
                control-interface: 127.0.0.1
                control-port: {controlPort}
                server-key-file: "{dir}/nsd_server.key"
                server-cert-file: "{dir}/nsd_server.pem"
                control-key-file: "{dir}/nsd_control.key"
                control-cert-file: "{dir}/nsd_control.pem"
            pattern:
                name: "slave"
                zonefile: "%s.zone"
                request-xfr: 127.0.0.1@{masterPort} NOKEY
                allow-notify: 127.0.0.1 NOKEY

            """);
        daemon.Start(BindTools.Require("nsd", "nsd"), "-d", "-c", Path.Combine(dir, "nsd.conf"));
        var server = new NsdServer(daemon, port);
        var control = BindTools.Require("nsd-control", "nsd");
        daemon.WaitUntil(() => ProcessRunner.Run(control, "-c", server.ConfigPath, "status").Succeeded, "answering nsd-control");
        return server;
    }

    /// <summary>The nsd target; its "slave" pattern already names the master this server was started with.</summary>
    public override PoolTarget AsPoolTarget(params PoolServer[] masters) => new("nsd", null, masters, new Dictionary<string, string>(ITargetServer.NotifyOptions(EndPoint))
    {
        ["nsd_control_config_file"] = ConfigPath,
        ["pattern"] = "slave",
    });
}
