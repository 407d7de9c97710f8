using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Compatibility;

/// <summary>
/// The built `zonal` started as a user would (`dotnet zonal.dll --listen ... --data ...`) on a free
/// loopback port with a fresh data folder; killed and its folder removed on dispose.
/// </summary>
public sealed class ZonalProcess : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("zonal-cli-").FullName;
    private Process? _process;
    private Task<string>? _stderr;

    public Uri Address { get; } = new($"http://127.0.0.1:{FreePort()}");

    /// <summary>Where the builtin nameserver answers (UDP and TCP), the default pool's nameserver.</summary>
    public int NameserverPort { get; } = FreePort();

    private int MiniDnsPort { get; } = FreePort();

    /// <summary>The Designate v2 endpoint clients are pointed at.</summary>
    public string Endpoint => new Uri(Address, "/v2").ToString();

    public ApiClient Client => new(Address, null, null);

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "zonal.dll"), "--listen", Address.ToString().TrimEnd('/'), "--data", _data, "--mdns-listen", $"127.0.0.1:{MiniDnsPort}", "--nameserver-listen", $"127.0.0.1:{NameserverPort}" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _ = _process.StandardOutput.ReadToEndAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
        await WaitUntilServingAsync();
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        Directory.Delete(_data, recursive: true);
    }

    private async Task WaitUntilServingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"zonal exited with {_process.ExitCode}: {await _stderr!}");
            }

            try
            {
                await Client.GetAsync("/");
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>A port free for TCP (and, on a quiet loopback, for UDP too).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
