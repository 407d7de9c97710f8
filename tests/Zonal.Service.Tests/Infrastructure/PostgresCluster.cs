using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Zonal.Service.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster on loopback for the whole test run: initdb into a temp folder
/// (as the postgres user when running as root), pg_ctl start on a free port, stopped at exit.
/// A missing PostgreSQL fails the tests; it never skips them.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string _dataDir;
    private readonly string _pgCtl;

    private PostgresCluster(string dataDir, string pgCtl, int port)
    {
        _dataDir = dataDir;
        _pgCtl = pgCtl;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    public int Port { get; }

    public static PostgresCluster Instance => Shared.Value;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=40;Timeout=30;Command Timeout=60";

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "zonal_" + Guid.NewGuid().ToString("N")[..12];
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    private static PostgresCluster Start()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no initdb/pg_ctl found); run ./test.sh or apt-get install postgresql");
        var root = Directory.CreateTempSubdirectory("zonal-pg-").FullName;
        var dataDir = Path.Combine(root, "data");
        bool asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", ["postgres:postgres", root]);
        }

        RunAs(asRoot, Path.Combine(bin, "initdb"), ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
        int port = FreePort();
        var pgCtl = Path.Combine(bin, "pg_ctl");
        RunAs(asRoot, pgCtl, ["start", "-w", "-D", dataDir, "-l", Path.Combine(root, "server.log"),
            "-o", $"-k {root} -h 127.0.0.1 -p {port} -F -c max_connections=200"]);
        return new PostgresCluster(dataDir, pgCtl, port);
    }

    private void Stop()
    {
        try
        {
            RunAs(Environment.UserName == "root", _pgCtl, ["stop", "-m", "immediate", "-D", _dataDir]);
            Directory.Delete(Path.GetDirectoryName(_dataDir)!, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"could not stop the test PostgreSQL cluster: {e.Message}");
        }
    }

    private static string? FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin"))
            : [];
        return versions.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunAs(bool asRoot, string program, string[] args)
    {
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", program, .. args]);
        }
        else
        {
            Run(program, args);
        }
    }

    private static void Run(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} timed out");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
        }
    }
}
