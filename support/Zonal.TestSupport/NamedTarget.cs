using Zonal.Pools;

namespace Zonal.TestSupport;

/// <summary>
/// A real named as a pool target: no zones of its own, <c>allow-new-zones</c>, an rndc channel with
/// a generated key file, on free loopback ports. It can be stopped and started again on the same
/// ports with the zones rndc added (named keeps them in its new-zone database).
/// </summary>
public sealed class NamedTarget : DaemonTargetServer
{
    private readonly RndcChannel _rndc;

    private NamedTarget(DaemonProcess daemon, int port, RndcChannel rndc)
        : base(daemon, port)
    {
        _rndc = rndc;
    }

    public int ControlPort => _rndc.Port;

    public string KeyFile => _rndc.KeyFile;

    public string Directory => Daemon.Directory;

    /// <summary>
    /// What the tests run named with, as src/Zonal/Backends/README.md advises operators: with named's default
    /// (20/s) every other refresh of back-to-back changes waits up to 0.5 s. The benchmark measures the default.
    /// </summary>
    public const string FastRefresh = "serial-query-rate 1000;";

    /// <param name="extraConfiguration">Appended to named.conf (keys, server clauses).</param>
    /// <param name="extraOptions">Added inside named.conf's <c>options { }</c>.</param>
    public static NamedTarget Start(string extraConfiguration = "", string extraOptions = FastRefresh)
    {
        var daemon = DaemonProcess.CreateIn("named-target");
        var port = FreePorts.NextUdpAndTcp();
        var rndc = RndcChannel.Create(daemon);
        NamedDaemon.WriteConfiguration(daemon, port, "allow-new-zones yes;\n" + extraOptions, rndc.Configuration + extraConfiguration);
        var target = new NamedTarget(daemon, port, rndc);
        target.Resume();
        return target;
    }

    /// <summary>The pool target for Zonal's bind9 backend, transferring from <paramref name="masters"/>.</summary>
    public override PoolTarget AsPoolTarget(params PoolServer[] masters) => new("bind9", null, masters, new Dictionary<string, string>(ITargetServer.NotifyOptions(EndPoint))
    {
        ["rndc_host"] = "127.0.0.1",
        ["rndc_port"] = ControlPort.ToString(),
        ["rndc_key_file"] = KeyFile,
        ["rndc_timeout"] = "10",
    });

    /// <summary>Kills named; its directory (and the zones rndc added) stay for <see cref="Resume"/>.</summary>
    public void Stop() => Daemon.Stop();

    /// <summary>Starts named again on the same ports and waits for its control channel.</summary>
    public void Resume()
    {
        NamedDaemon.Start(Daemon);
        Daemon.WaitUntil(() => _rndc.Run(TimeSpan.FromSeconds(10), "status").Succeeded, "answering rndc");
    }
}
