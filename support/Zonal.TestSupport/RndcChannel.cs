using System.Security.Cryptography;

namespace Zonal.TestSupport;

/// <summary>
/// named's rndc control channel on 127.0.0.1 at a free port, with a generated key kept in rndc.key in
/// the daemon's directory (and an rndc.conf naming key, server and port, for clients that take one):
/// the named.conf statements that open it, and rndc commands over it.
/// </summary>
public sealed class RndcChannel
{
    private const string KeyName = "zonal-rndc";

    private RndcChannel(string keyFile, int port)
    {
        KeyFile = keyFile;
        Port = port;
    }

    public string KeyFile { get; }

    public int Port { get; }

    /// <summary>Top-level named.conf statements: the key and a control channel that only it opens.</summary>
    public string Configuration => $$"""
        include "{{KeyFile}}";
        controls { inet 127.0.0.1 port {{Port}} allow { 127.0.0.1; } keys { "{{KeyName}}"; }; };

        """;

    public static RndcChannel Create(DaemonProcess daemon)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var key = $$"""key "{{KeyName}}" { algorithm hmac-sha256; secret "{{secret}}"; };""" + "\n";
        var port = FreePorts.NextUdpAndTcp();
        daemon.WriteFile("rndc.conf", key + $$"""
            options { default-key "{{KeyName}}"; default-server 127.0.0.1; default-port {{port}}; };

            """);
        return new RndcChannel(daemon.WriteFile("rndc.key", key), port);
    }

    public ProcessResult Run(TimeSpan timeout, params string[] command) =>
        ProcessRunner.Run(BindTools.Rndc, ["-k", KeyFile, "-s", "127.0.0.1", "-p", Port.ToString(), .. command], timeout);
}
