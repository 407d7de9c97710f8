using Zonal.Central;
using Zonal.Pools;

namespace Zonal.Tests.Backends;

/// <summary>A real knotd on 127.0.0.1 at a free port with no zones, driven through knotc on its own control socket.</summary>
public sealed class KnotServer : DaemonTargetServer
{
    private KnotServer(DaemonProcess daemon, int port)
        : base(daemon, port)
    {
    }

    public string ControlSocket => Path.Combine(Daemon.Directory, "knot.sock");

    public static KnotServer Start()
    {
        var daemon = DaemonProcess.CreateIn("knotd");
        var port = FreePorts.NextUdpAndTcp();
        var config = daemon.WriteFile("knot.conf", $"""
            server:
                rundir: "{daemon.Directory}"
                listen: 127.0.0.1@{port}
            database:
                storage: "{daemon.Directory}"
            control:
                listen: "{daemon.Directory}/knot.sock"
            log:
              - target: stderr
                any: info
            template:
              - id: default
                storage: "{daemon.Directory}"

            """);
        daemon.Start(BindTools.Require("knotd", "knot"), "-c", config);
        var server = new KnotServer(daemon, port);
        daemon.WaitUntil(() => File.Exists(server.ControlSocket) && daemon.Log.Contains("server started", StringComparison.Ordinal), "started");
        return server;
    }

    public override PoolTarget AsPoolTarget(params PoolServer[] masters) => new("knot", null, masters, new Dictionary<string, string>(ITargetServer.NotifyOptions(EndPoint))
    {
        ["knotc_socket"] = ControlSocket,
    });
}
