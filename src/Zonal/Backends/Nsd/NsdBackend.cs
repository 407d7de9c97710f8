using Microsoft.Extensions.Logging;
using Zonal.Pools;

namespace Zonal.Backends.Nsd;

/// <summary>
/// NSD 4 through nsd-control: <c>addzone NAME PATTERN</c> and <c>delzone NAME</c>. The pattern in
/// nsd.conf names the masters (MiniDNS) and allows their NOTIFY, as with Designate's nsd4 driver.
/// Options: pattern (slave), nsd_control_bin_path (nsd-control), nsd_control_config_file (its -c,
/// which holds the control keys), control_host and control_port (its -s, when not the config's).
/// </summary>
public sealed class NsdBackend : IBackend
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly TargetSettings _settings;
    private readonly ILogger _logger;
    private readonly string _program;
    private readonly string _pattern;
    private readonly List<string> _connection = [];

    public NsdBackend(PoolTarget target, ILogger logger)
    {
        _settings = new TargetSettings(target.Options, $"nsd target {target.Options.GetValueOrDefault("control_host", "127.0.0.1")}:{target.Options.GetValueOrDefault("control_port", "8952")}");
        _logger = logger;
        _program = _settings.Get("nsd_control_bin_path", "nsd-control");
        _pattern = _settings.Get("pattern", "slave");
        if (_settings.Get("nsd_control_config_file") is { } config)
        {
            _connection.AddRange(["-c", config]);
        }

        if (_settings.Get("control_host") is not null || _settings.Get("control_port") is not null)
        {
            _connection.AddRange(["-s", $"{_settings.Get("control_host", "127.0.0.1")}@{_settings.GetInt("control_port", 8952)}"]);
        }
    }

    public async Task CreateZoneAsync(BackendZone zone, CancellationToken ct)
    {
        var result = await RunAsync(["addzone", zone.Name.TrimEnd('.'), _pattern], ct);
        if (result.Output.Contains("already exists", StringComparison.OrdinalIgnoreCase))
        {
            _logger.LogInformation("{Target}: zone {Zone} already exists; keeping it", _settings.Target, zone.Name);
            return;
        }

        Check(result, "addzone", zone);
    }

    public async Task DeleteZoneAsync(BackendZone zone, bool hardDelete, CancellationToken ct)
    {
        var result = await RunAsync(["delzone", zone.Name.TrimEnd('.')], ct);
        if (result.Output.Contains("not present", StringComparison.OrdinalIgnoreCase))
        {
            _logger.LogInformation("{Target}: zone {Zone} was already gone", _settings.Target, zone.Name);
            return;
        }

        Check(result, "delzone", zone);
    }

    private Task<ControlResult> RunAsync(IReadOnlyList<string> command, CancellationToken ct) =>
        ControlCommand.RunAsync(_program, [.. _connection, .. command], Timeout, ct);

    /// <summary>nsd-control prints "ok" on success; it may exit 0 after printing an error, so both are checked.</summary>
    private void Check(ControlResult result, string operation, BackendZone zone)
    {
        if (!result.Succeeded || !result.Output.StartsWith("ok", StringComparison.Ordinal))
        {
            throw new BackendException($"{_settings.Target}: nsd-control {operation} {zone.Name} failed (exit {result.ExitCode}): {result.Output}");
        }
    }
}
