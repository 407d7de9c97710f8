using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Zonal.Central;
using Zonal.Pools;

namespace Zonal.Tests.Backends;

/// <summary>
/// A real PowerDNS authoritative server on 127.0.0.1 at a free port: the gsqlite3 backend in its
/// directory, secondary mode on (checking new secondaries every second), and its HTTP API with a
/// generated key on another free port.
/// </summary>
public sealed class PdnsServer : DaemonTargetServer
{
    private PdnsServer(DaemonProcess daemon, int port, int apiPort, string apiKey)
        : base(daemon, port)
    {
        ApiEndpoint = $"http://127.0.0.1:{apiPort}";
        ApiKey = apiKey;
    }

    public string ApiEndpoint { get; }

    public string ApiKey { get; }

    public static PdnsServer Start()
    {
        var daemon = DaemonProcess.CreateIn("pdns");
        var dir = daemon.Directory;
        var schema = "/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql";
        Assert.True(File.Exists(schema), $"{schema} is missing: apt-get install pdns-backend-sqlite3");
        using (var database = new SqliteConnection($"Data Source={Path.Combine(dir, "pdns.sqlite3")};Pooling=False"))
        {
            database.Open();
            using var create = database.CreateCommand();
            create.CommandText = File.ReadAllText(schema);
            create.ExecuteNonQuery();
        }
        var port = FreePorts.NextUdpAndTcp();
        var apiPort = FreePorts.NextUdpAndTcp();
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        daemon.WriteFile("pdns.conf", $"""
            launch=gsqlite3
            gsqlite3-database={dir}/pdns.sqlite3
            local-address=127.0.0.1
            local-port={port}
            webserver=yes
            webserver-address=127.0.0.1
            webserver-port={apiPort}
            webserver-allow-from=127.0.0.0/8
            api=yes
            api-key={key}
            secondary=yes
            xfr-cycle-interval=1
            allow-notify-from=127.0.0.0/8
            socket-dir={dir}
            guardian=no
            daemon=no
            disable-syslog=yes
            loglevel=6

            """);
        daemon.Start(BindTools.Require("pdns_server", "pdns-server"), $"--config-dir={dir}");
        var server = new PdnsServer(daemon, port, apiPort, key);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("X-API-Key", key);
        daemon.WaitUntil(() => Answers(http, $"{server.ApiEndpoint}/api/v1/servers/localhost"), "answering its API");
        return server;
    }

    /// <summary>The pdns4 target with Designate's option names.</summary>
    public override PoolTarget AsPoolTarget(params PoolServer[] masters) => new("pdns4", null, masters, new Dictionary<string, string>(ITargetServer.NotifyOptions(EndPoint))
    {
        ["api_endpoint"] = ApiEndpoint,
        ["api_token"] = ApiKey,
    });

    private static bool Answers(HttpClient http, string url)
    {
        try
        {
            return http.GetAsync(url).GetAwaiter().GetResult().IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
