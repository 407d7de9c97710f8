using System.Diagnostics;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Compatibility;

/// <summary>
/// The built `zonal` started as a user would (`dotnet zonal.dll --listen ... --data ...`) on a free
/// loopback port with a fresh data folder; killed and its folder removed on dispose. A port another test
/// took between choosing it and zonal binding it means a new start on new ports.
/// </summary>
public class ZonalProcess : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("zonal-cli-").FullName;
    private Process? _process;
    private Task<string>? _stderr;

    private const int Starts = 3;

    public Uri Address { get; private set; } = null!;

    /// <summary>Where the builtin nameserver answers (UDP and TCP), the default pool's nameserver.</summary>
    public int NameserverPort { get; private set; }

    private int MiniDnsPort { get; set; }

    /// <summary>The Designate v2 endpoint clients are pointed at.</summary>
    public string Endpoint => new Uri(Address, "/v2").ToString();

    public ApiClient Client => new(Address, null, null);

    /// <summary>Settings given to the process as ZONAL_ environment variables (configuration key → value), e.g. a stand-in's address.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    public virtual async Task InitializeAsync()
    {
        var settings = await SettingsAsync();
        for (int attempt = 1; ; attempt++)
        {
            Address = new Uri($"http://127.0.0.1:{FreePorts.NextUdpAndTcp()}");
            NameserverPort = FreePorts.NextUdpAndTcp();
            MiniDnsPort = FreePorts.NextUdpAndTcp();
            StartProcess(settings);
            try
            {
                await WaitUntilServingAsync();
                return;
            }
            catch (InvalidOperationException e) when (attempt < Starts && e.Message.Contains("already in use", StringComparison.OrdinalIgnoreCase))
            {
                _process!.Dispose();
            }
        }
    }

    private void StartProcess(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in settings)
        {
            start.Environment["ZONAL_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "zonal.dll"), "--listen", Address.ToString().TrimEnd('/'), "--data", _data, "--mdns-listen", $"127.0.0.1:{MiniDnsPort}", "--nameserver-listen", $"127.0.0.1:{NameserverPort}" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _ = _process.StandardOutput.ReadToEndAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public virtual async Task DisposeAsync()
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
}
