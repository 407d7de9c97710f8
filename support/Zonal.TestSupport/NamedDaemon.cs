namespace Zonal.TestSupport;

/// <summary>How the tests and benchmarks run BIND9 named: the named.conf they share, and its command line.</summary>
public static class NamedDaemon
{
    /// <summary>
    /// Writes named.conf: an authoritative-only server on 127.0.0.1 at <paramref name="port"/>, keeping its
    /// state in the daemon's directory, with <paramref name="extraOptions"/> inside <c>options { }</c> and
    /// <paramref name="statements"/> after it.
    /// </summary>
    public static void WriteConfiguration(DaemonProcess daemon, int port, string extraOptions, string statements)
    {
        var dir = daemon.Directory;
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
                {{extraOptions}}
            };
            {{statements}}

            """);
    }

    /// <summary>Starts named on the written configuration.</summary>
    public static void Start(DaemonProcess daemon) =>
        // -g: foreground, log to stderr; -n 1: one worker thread, the machine is shared; -4: loopback IPv4 only.
        daemon.Start(BindTools.Named, "-g", "-4", "-n", "1", "-c", Path.Combine(daemon.Directory, "named.conf"));
}
