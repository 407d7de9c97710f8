using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Central;
using Zonal.MiniDns;
using Zonal.Nameserver;
using Zonal.Pools;
using Zonal.Worker;

namespace Zonal.Hosting;

/// <summary>
/// The embedded default pool: one <c>builtin</c> target that pulls from this process's MiniDNS, and the
/// builtin nameserver as the pool's nameserver, so the whole path runs with no BIND. Addresses are the
/// bound ones (a configured port 0 gives the port chosen). Null while either server is off or not listening.
/// </summary>
public sealed class EmbeddedPoolTopology(IServiceProvider services) : IUnloadedPoolTopology
{
    public PoolTopology? Current
    {
        get
        {
            var masters = services.GetService<MiniDnsService>()?.EndPoints.Select(Reachable).ToList();
            var nameserver = services.GetService<BuiltinNameserverService>()?.BoundEndPoints.Select(Reachable).FirstOrDefault();
            if (masters is not { Count: > 0 } || nameserver is null)
            {
                return null;
            }

            var options = new Dictionary<string, string> { ["host"] = nameserver.Host, ["port"] = nameserver.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            return new PoolTopology([new PoolTarget("builtin", "Zonal's builtin nameserver", masters, options)], [nameserver], []);
        }
    }

    /// <summary>A wildcard listener is reached on loopback.</summary>
    private static PoolServer Reachable(IPEndPoint endPoint)
    {
        var address = endPoint.Address.Equals(IPAddress.Any) ? IPAddress.Loopback
            : endPoint.Address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
            : endPoint.Address;
        return new PoolServer(address.ToString(), endPoint.Port);
    }
}
