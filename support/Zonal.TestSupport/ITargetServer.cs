using System.Net;
using Zonal.Pools;

namespace Zonal.TestSupport;

/// <summary>
/// A real nameserver daemon a pool can hold as a target: where it answers, its log for failure
/// messages, and the pool target (type and options) that lets the worker's backend drive it.
/// </summary>
public interface ITargetServer : IDisposable
{
    IPEndPoint EndPoint { get; }

    string Log { get; }

    /// <summary>The pool target transferring from <paramref name="masters"/>; "host" and "port" are where NOTIFY goes.</summary>
    PoolTarget AsPoolTarget(params PoolServer[] masters);

    /// <summary>The pool nameserver the worker polls for serials.</summary>
    PoolServer AsNameserver() => new(EndPoint.Address.ToString(), EndPoint.Port);

    /// <summary>The options every target kind takes: where the worker sends NOTIFY.</summary>
    static Dictionary<string, string> NotifyOptions(IPEndPoint endPoint) => new()
    {
        ["host"] = endPoint.Address.ToString(),
        ["port"] = endPoint.Port.ToString(),
    };
}
