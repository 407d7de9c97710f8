using Zonal.Pools;

namespace Zonal.Backends.Knot;

/// <summary>
/// Knot DNS through knotc configuration transactions (conf-begin, conf-set, conf-commit): a
/// secondary zone whose masters are MiniDNS, each master a remote with an ACL that lets its
/// NOTIFY in. Options: knotc_bin_path (knotc), knotc_socket (knotc's -s), knotc_timeout (seconds).
/// </summary>
public sealed class KnotBackend : IBackend
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    // knotd holds one configuration transaction at a time; our own commands take turns.
    private readonly SemaphoreSlim _transaction = new(1, 1);
    private readonly TargetSettings _settings;
    private readonly IReadOnlyList<PoolServer> _masters;
    private readonly string _knotc;
    private readonly List<string> _connection = [];
    private readonly TimeSpan _timeout;

    public KnotBackend(PoolTarget target)
    {
        _settings = new TargetSettings(target.Options, $"knot target {target.Options.GetValueOrDefault("knotc_socket", "(default socket)")}");
        _masters = target.Masters.Count > 0 ? target.Masters
            : throw new BackendException($"{_settings.Target}: the target has no masters to transfer from");
        _knotc = _settings.Get("knotc_bin_path", "knotc");
        _timeout = _settings.GetTimeout("knotc_timeout", DefaultTimeout);
        if (_settings.Get("knotc_socket") is { } socket)
        {
            _connection.AddRange(["-s", socket]);
        }

        _connection.AddRange(["-t", ((int)Math.Ceiling(_timeout.TotalSeconds)).ToString()]);
    }

    public async Task CreateZoneAsync(BackendZone zone, CancellationToken ct)
    {
        var name = Absolute(zone);
        if ((await RunAsync(["zone-status", name], ct)).Succeeded)
        {
            return;
        }

        await InTransactionAsync(async () =>
        {
            var remotes = new List<string>();
            foreach (var master in _masters)
            {
                var id = $"zonal-{master.Host}@{master.Port}";
                remotes.Add(id);
                await SetIfMissingAsync($"remote[{id}]", ct);
                await SetAsync([$"remote[{id}].address", $"{master.Host}@{master.Port}"], ct);
                await SetIfMissingAsync($"acl[{id}]", ct);
                await SetAsync([$"acl[{id}].address", master.Host], ct);
                await SetAsync([$"acl[{id}].action", "notify"], ct);
            }

            await SetAsync([$"zone[{name}]"], ct);
            await SetAsync([$"zone[{name}].master", .. remotes], ct);
            await SetAsync([$"zone[{name}].acl", .. remotes], ct);
        }, ct);
    }

    public async Task DeleteZoneAsync(BackendZone zone, bool hardDelete, CancellationToken ct)
    {
        var name = Absolute(zone);
        if (!(await RunAsync(["zone-status", name], ct)).Succeeded)
        {
            return;
        }

        if (hardDelete)
        {
            // Drops the zone file, journal and timers too; the zone must still be configured for that.
            await CheckAsync(["zone-purge", "-f", name], ct);
        }

        await InTransactionAsync(() => CheckAsync(["conf-unset", $"zone[{name}]"], ct), ct);
    }

    private static string Absolute(BackendZone zone) => zone.Name.EndsWith('.') ? zone.Name : zone.Name + ".";

    private async Task InTransactionAsync(Func<Task> changes, CancellationToken ct)
    {
        await _transaction.WaitAsync(ct);
        try
        {
            await CheckAsync(["conf-begin"], ct);
            try
            {
                await changes();
                await CheckAsync(["conf-commit"], ct);
            }
            catch
            {
                await RunAsync(["conf-abort"], CancellationToken.None);
                throw;
            }
        }
        finally
        {
            _transaction.Release();
        }
    }

    /// <summary>Adds a section item (remote, acl) unless an earlier zone already added it.</summary>
    private async Task SetIfMissingAsync(string item, CancellationToken ct)
    {
        if (!(await RunAsync(["conf-get", item], ct)).Succeeded)
        {
            await SetAsync([item], ct);
        }
    }

    private Task SetAsync(IReadOnlyList<string> itemAndValues, CancellationToken ct) => CheckAsync(["conf-set", .. itemAndValues], ct);

    private Task<ControlResult> RunAsync(IReadOnlyList<string> command, CancellationToken ct) =>
        ControlCommand.RunAsync(_knotc, [.. _connection, .. command], _timeout + TimeSpan.FromSeconds(5), ct);

    private async Task CheckAsync(IReadOnlyList<string> command, CancellationToken ct)
    {
        var result = await RunAsync(command, ct);
        if (!result.Succeeded)
        {
            throw new BackendException($"{_settings.Target}: knotc {string.Join(' ', command)} failed (exit {result.ExitCode}): {result.Output}");
        }
    }
}
