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
    private const string OwnerFile = "owner.pid";
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
        bool asRoot = Environment.UserName == "root";
        RemoveAbandoned(bin, asRoot);
        var root = Directory.CreateTempSubdirectory("zonal-pg-").FullName;
        File.WriteAllText(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var dataDir = Path.Combine(root, "data");
        if (asRoot)
        {
            Run("chown", ["postgres:postgres", root]);
        }

        RunAs(asRoot, Path.Combine(bin, "initdb"), ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
        int port = FreePort();
        var pgCtl = Path.Combine(bin, "pg_ctl");
        RunAs(asRoot, pgCtl, ["start", "-w", "-D", dataDir, "-l", Path.Combine(root, "server.log"),
            "-o", $"-k {root} -h 127.0.0.1 -p {port} -F -c max_connections=400"]);
        return new PostgresCluster(dataDir, pgCtl, port);
    }

    private void Stop() => StopAndRemove(_pgCtl, Path.GetDirectoryName(_dataDir)!, Environment.UserName == "root");

    /// <summary>
    /// Stops the cluster in <paramref name="root"/> if its postmaster still runs, then deletes the folder, its
    /// data first, so a removal cut short keeps owner.pid and the next run finishes it.
    /// </summary>
    internal static void StopAndRemove(string pgCtl, string root, bool asRoot)
    {
        var dataDir = Path.Combine(root, "data");
        try
        {
            if (PostmasterRuns(dataDir))
            {
                RunAs(asRoot, pgCtl, ["stop", "-w", "-m", "immediate", "-D", dataDir]);
            }

            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }

            Directory.Delete(root, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"could not remove the test PostgreSQL cluster in {root}: {e.Message}");
        }
    }

    /// <summary>
    /// Whether the postmaster that postmaster.pid names still runs this data folder. The file outlives a
    /// postmaster that was killed or a machine that restarted, and pg_ctl stop then fails ("No such
    /// process") or, with the number reused, signals whatever process now has it.
    /// </summary>
    private static bool PostmasterRuns(string dataDir)
    {
        var pidFile = Path.Combine(dataDir, "postmaster.pid");
        try
        {
            return File.Exists(pidFile)
                && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)
                && File.ReadAllText($"/proc/{pid}/cmdline").Contains(dataDir, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The postmaster exited while we looked (its /proc entry or pid file went away).
            return false;
        }
    }

    /// <summary>A test run killed before its exit handler leaves its cluster behind; the next run removes it.</summary>
    private static void RemoveAbandoned(string bin, bool asRoot)
    {
        foreach (var root in Directory.GetDirectories(Path.GetTempPath(), "zonal-pg-*"))
        {
            var owner = Path.Combine(root, OwnerFile);
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && !IsAlive(pid))
            {
                StopAndRemove(Path.Combine(bin, "pg_ctl"), root, asRoot);
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
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
