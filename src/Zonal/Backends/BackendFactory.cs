using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Zonal.Backends.Bind9;
using Zonal.Backends.Knot;
using Zonal.Backends.Nsd;
using Zonal.Backends.Pdns4;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Nameserver;
using Zonal.Pools;

namespace Zonal.Backends;

/// <summary>
/// Turns a pool target into its backend driver by the target's <c>type</c>. Drivers are kept per
/// target definition, so their HTTP connections and knotc turn-taking outlive one change.
/// </summary>
/// <param name="bus">Reaches the builtin nameserver; without it a <c>builtin</c> target is refused.</param>
public sealed class BackendFactory(ILoggerFactory loggers, IMessageBus? bus = null) : IBackendFactory
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
        "builtin" => Builtin(target),
        "fake" => new FakeBackend(),
        _ => throw new BackendException($"unknown target type '{target.Type}' (known: bind9, pdns4, knot, nsd4, builtin, fake)"),
    };

    private BuiltinBackend Builtin(PoolTarget target) =>
        bus is null ? throw new BackendException("builtin target: no message bus to reach the builtin nameserver")
        : target.Masters.Count == 0 ? throw new BackendException("builtin target: at least one master (MiniDNS) is required")
        : new BuiltinBackend(bus, target.Masters.Select(m => new NameserverAddress(m.Host, m.Port)).ToList());
}
