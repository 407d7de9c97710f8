using Microsoft.Extensions.Logging;
using Zonal.Pools;

namespace Zonal.Backends.Bind9;

/// <summary>
/// BIND 9 through rndc: <c>addzone</c> of a secondary zone whose masters are MiniDNS, <c>delzone</c>
/// (with <c>-clean</c> on hard delete or when clean_zonefile is set). named needs
/// <c>allow-new-zones yes;</c>. Options are Designate's: rndc_host, rndc_port, rndc_bin_path,
/// rndc_config_file, rndc_key_file, rndc_timeout, clean_zonefile, view.
/// </summary>
public sealed class Bind9Backend : IBackend
{
    private static readonly TimeSpan NoTimeout = TimeSpan.FromMinutes(5);

    private readonly TargetSettings _settings;
    private readonly IReadOnlyList<PoolServer> _masters;
    private readonly ILogger _logger;
    private readonly string _rndc;
    private readonly TimeSpan _timeout;
    private readonly bool _cleanZoneFile;
    private readonly string? _view;
    private readonly List<string> _connection = [];

    public Bind9Backend(PoolTarget target, ILogger logger)
    {
        var host = target.Options.GetValueOrDefault("rndc_host", "127.0.0.1");
        var port = target.Options.GetValueOrDefault("rndc_port", "953");
        _settings = new TargetSettings(target.Options, $"bind9 target {host}:{port}");
        _masters = target.Masters.Count > 0 ? target.Masters
            : throw new BackendException($"{_settings.Target}: the target has no masters to transfer from");
        _logger = logger;
        _rndc = _settings.Get("rndc_bin_path", "rndc");
        _timeout = _settings.GetTimeout("rndc_timeout", NoTimeout);
        _cleanZoneFile = _settings.GetBool("clean_zonefile", false);
        _view = _settings.Get("view");
        if (_settings.Get("rndc_config_file") is { } config)
        {
            _connection.AddRange(["-c", config]);
        }

        if (_settings.Get("rndc_key_file") is { } key)
        {
            _connection.AddRange(["-k", key]);
        }

        _connection.AddRange(["-s", _settings.Get("rndc_host", "127.0.0.1"), "-p", _settings.GetInt("rndc_port", 953).ToString()]);
    }

    public async Task CreateZoneAsync(BackendZone zone, CancellationToken ct)
    {
        var name = ZoneArgument(zone);
        var masters = string.Join(' ', _masters.Select(m => $"{m.Host} port {m.Port};"));
        var statement = $"{{ type slave; masters {{ {masters} }}; file \"slave.{zone.Name.TrimEnd('.')}.{zone.Id}\"; }};";
        var result = await RunAsync(["addzone", name, statement], ct);
        if (!result.Succeeded && result.Output.Contains("already exists", StringComparison.OrdinalIgnoreCase))
        {
            _logger.LogInformation("{Target}: zone {Zone} already exists; keeping it", _settings.Target, zone.Name);
            return;
        }

        Check(result, "addzone", zone);
    }

    public async Task DeleteZoneAsync(BackendZone zone, bool hardDelete, CancellationToken ct)
    {
        List<string> arguments = ["delzone"];
        if (hardDelete || _cleanZoneFile)
        {
            arguments.Add("-clean");
        }

        arguments.Add(ZoneArgument(zone));
        var result = await RunAsync(arguments, ct);
        if (!result.Succeeded && result.Output.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            _logger.LogInformation("{Target}: zone {Zone} was already gone", _settings.Target, zone.Name);
            return;
        }

        Check(result, "delzone", zone);
    }

    /// <summary>rndc joins its words into one command line for named, so "zone IN view" may travel as one argument.</summary>
    private string ZoneArgument(BackendZone zone) =>
        _view is null ? zone.Name.TrimEnd('.') : $"{zone.Name.TrimEnd('.')} IN {_view}";

    private Task<ControlResult> RunAsync(IReadOnlyList<string> command, CancellationToken ct) =>
        ControlCommand.RunAsync(_rndc, [.. _connection, .. command], _timeout, ct);

    private void Check(ControlResult result, string operation, BackendZone zone)
    {
        if (!result.Succeeded)
        {
            throw new BackendException($"{_settings.Target}: rndc {operation} {zone.Name} failed (exit {result.ExitCode}): {result.Output}");
        }
    }
}
