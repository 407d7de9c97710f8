using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Zonal.Backends.Bind9;
using Zonal.Backends.Knot;
using Zonal.Backends.Nsd;
using Zonal.Backends.Pdns4;
using Zonal.Central;

namespace Zonal.Backends;

/// <summary>
/// Turns a pool target into its backend driver by the target's <c>type</c>. Drivers are kept per
/// target definition, so their HTTP connections and knotc turn-taking outlive one change.
/// </summary>
public sealed class BackendFactory(ILoggerFactory loggers) : IBackendFactory
{
    private readonly ConcurrentDictionary<string, IBackend> _drivers = new(StringComparer.Ordinal);

    public IBackend For(PoolTarget target) =>
        _drivers.GetOrAdd(PoolJson.Write(target), _ => Create(target));

    private IBackend Create(PoolTarget target) => target.Type.ToLowerInvariant() switch
    {
        "bind9" => new Bind9Backend(target, loggers.CreateLogger<Bind9Backend>()),
        "pdns4" => new Pdns4Backend(target),
        "knot" or "knot2" or "knot3" => new KnotBackend(target),
        "nsd" or "nsd4" => new NsdBackend(target, loggers.CreateLogger<NsdBackend>()),
        "fake" => new FakeBackend(),
        _ => throw new BackendException($"unknown target type '{target.Type}' (known: bind9, pdns4, knot, nsd4, fake)"),
    };
}
