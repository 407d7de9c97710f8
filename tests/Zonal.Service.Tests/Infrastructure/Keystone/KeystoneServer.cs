using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Zonal.Service.Tests.Infrastructure.Keystone;

/// <summary>
/// A throwaway Keystone (Debian's keystone under uwsgi) on a free loopback port for the whole test run,
/// set up as ../shared/reference/keystone.md says: SQLite in WAL mode, Fernet keys, bootstrap admin.
/// A missing Keystone fails the tests; it never skips them. Stopped with SIGTERM when the run exits.
/// </summary>
public sealed class KeystoneServer
{
    public const string AdminPassword = "admin-secret";
    private const string OwnerFile = "owner.pid";
    private static readonly Lazy<Task<KeystoneServer>> Shared = new(() => Task.Run(StartAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly string[] Programs = ["/usr/bin/keystone-manage", "/usr/bin/uwsgi", "/usr/bin/keystone-wsgi-public"];

    private readonly string _root;
    private readonly List<Process> _processes = [];

    private KeystoneServer(string root)
    {
        _root = root;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    /// <summary>The running Keystone of this test run, started on first use.</summary>
    public static Task<KeystoneServer> InstanceAsync() => Shared.Value;

    /// <summary>Keystone's v3 URL, e.g. http://127.0.0.1:41234/v3.</summary>
    public Uri AuthUrl { get; private set; } = null!;

    /// <summary>
    /// A second Keystone process over the same database and keys whose tokens live only
    /// <paramref name="tokenSeconds"/> seconds: tokens it issues are valid everywhere, then expire soon.
    /// </summary>
    public async Task<Uri> StartShortLivedTwinAsync(int tokenSeconds)
    {
        var conf = Path.Combine(_root, $"conf-{tokenSeconds}s");
        WriteConfig(conf, _root, tokenSeconds, $"keystone-{tokenSeconds}s.log");
        return await ServeAsync(conf);
    }

    private static async Task<KeystoneServer> StartAsync()
    {
        var missing = Programs.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            var why = Environment.GetEnvironmentVariable("ZONAL_REQUIRE_SERVERS") == "1"
                ? "ZONAL_REQUIRE_SERVERS=1 demands a real Keystone"
                : "the identity tests fail rather than skip without it";
            throw new InvalidOperationException($"{string.Join(", ", missing)} not found; {why}. Run ./test.sh or apt-get install keystone uwsgi uwsgi-plugin-python3");
        }

        RemoveAbandoned();
        var root = Directory.CreateTempSubdirectory("zonal-keystone-").FullName;
        File.WriteAllText(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var server = new KeystoneServer(root);
        try
        {
            var conf = Path.Combine(root, "conf");
            WriteConfig(conf, root, 14400, "keystone.log");
            int port = FreePort();
            var manage = (string[] args) => Run("/usr/bin/keystone-manage", ["--config-file", Path.Combine(conf, "keystone.conf"), .. args], root);
            manage(["db_sync"]);
            Run("python3", ["-c", $"import sqlite3; sqlite3.connect('{root}/keystone/keystone.db').execute('PRAGMA journal_mode=WAL')"], root);
            manage(["fernet_setup", "--keystone-user", "root", "--keystone-group", "root"]);
            manage(["credential_setup", "--keystone-user", "root", "--keystone-group", "root"]);
            var url = $"http://127.0.0.1:{port}/v3";
            manage(["bootstrap", "--bootstrap-password", AdminPassword, "--bootstrap-username", "admin",
                "--bootstrap-project-name", "admin", "--bootstrap-role-name", "admin", "--bootstrap-region-id", "RegionOne",
                "--bootstrap-admin-url", url, "--bootstrap-internal-url", url, "--bootstrap-public-url", url]);
            server.AuthUrl = await server.ServeAsync(conf, port);
            return server;
        }
        catch
        {
            server.Stop();
            throw;
        }
    }

    private static void WriteConfig(string conf, string root, int tokenSeconds, string logFile)
    {
        Directory.CreateDirectory(conf);
        Directory.CreateDirectory(Path.Combine(root, "keystone"));
        Directory.CreateDirectory(Path.Combine(root, "logs"));
        File.WriteAllText(Path.Combine(conf, "keystone.conf"), $"""
            [DEFAULT]
            log_dir = {root}/logs
            log_file = {logFile}
            [database]
            connection = sqlite:///{root}/keystone/keystone.db
            [token]
            provider = fernet
            expiration = {tokenSeconds}
            [fernet_tokens]
            key_repository = {root}/keystone/fernet-keys/
            [fernet_receipts]
            key_repository = {root}/keystone/fernet-keys/
            [credential]
            key_repository = {root}/keystone/credential-keys/
            [identity]
            password_hash_rounds = 4

            """);
    }

    /// <summary>Runs keystone-wsgi-public under uwsgi with the config folder and waits until GET /v3 answers.</summary>
    private async Task<Uri> ServeAsync(string conf, int? port = null)
    {
        int listen = port ?? FreePort();
        var start = new ProcessStartInfo("/usr/bin/uwsgi")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = _root,
        };
        foreach (var arg in new[]
        {
            // uwsgi's HTTP router with keep-alive: its bare --http-socket (keystone.md §4) resets about one
            // connection in five under .NET's and the openstack client's requests.
            "--plugins", "http,python3", "--http", $"127.0.0.1:{listen}", "--http-keepalive", "--wsgi-file", "/usr/bin/keystone-wsgi-public",
            "--master", "--processes", "1", "--threads", "8", "--enable-threads", "--lazy-apps", "--die-on-term",
            "--buffer-size", "65535", "--logto", Path.Combine(_root, "logs", $"uwsgi-{listen}.log"), "--env", $"OS_KEYSTONE_CONFIG_DIR={conf}", "--env", "OS_KEYSTONE_CONFIG_FILES=keystone.conf",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        lock (_processes)
        {
            _processes.Add(process);
        }

        File.AppendAllText(Path.Combine(_root, "uwsgi.pids"), process.Id.ToString(CultureInfo.InvariantCulture) + "\n");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var url = new Uri($"http://127.0.0.1:{listen}/v3");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10), DefaultRequestHeaders = { ConnectionClose = true } };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            if (process.HasExited)
            {
                var log = Path.Combine(_root, "logs", $"uwsgi-{listen}.log");
                var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(15)) : "";
                throw new InvalidOperationException($"uwsgi for Keystone exited with {process.ExitCode}: {await errors}{await output}{tail}");
            }

            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return url;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Keystone on {url} did not answer within 120 s");
            }

            await Task.Delay(250);
        }
    }

    private void Stop()
    {
        lock (_processes)
        {
            foreach (var process in _processes)
            {
                Terminate(process.Id);
            }

            foreach (var process in _processes)
            {
                process.WaitForExit(10_000);
            }

            _processes.Clear();
        }

        TryDelete(_root);
    }

    /// <summary>uwsgi --die-on-term stops master and workers on SIGTERM; SIGKILL would orphan the workers.</summary>
    private static void Terminate(int pid)
    {
        try
        {
            Run("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)], "/tmp");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>A run killed before its exit handler leaves its Keystone behind; the next run stops it (only uwsgi serving that folder).</summary>
    private static void RemoveAbandoned()
    {
        foreach (var root in Directory.GetDirectories(Path.GetTempPath(), "zonal-keystone-*"))
        {
            var owner = Path.Combine(root, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), out var ownerPid) || IsAlive(ownerPid))
            {
                continue;
            }

            var pids = Path.Combine(root, "uwsgi.pids");
            foreach (var line in File.Exists(pids) ? File.ReadAllLines(pids) : [])
            {
                if (int.TryParse(line, out var pid) && CommandLine(pid).Contains(root, StringComparison.Ordinal))
                {
                    Terminate(pid);
                }
            }

            TryDelete(root);
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    private static void TryDelete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"could not remove the test Keystone in {root}: {e.Message}");
        }
    }

    /// <summary>
    /// A free port below the kernel's ephemeral range (32768 up): Keystone's port is chosen seconds
    /// before uwsgi binds it (bootstrap writes it into the catalog), and in that window the other
    /// tests' port-0 listeners and outgoing connections would take an ephemeral one.
    /// </summary>
    private static int FreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20000, 32000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) when (attempt < 100)
            {
            }
        }
    }

    private static void Run(string program, string[] args, string workingDirectory)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} timed out");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
        }
    }
}
