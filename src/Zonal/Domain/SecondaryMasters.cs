using System.Net;
using System.Net.Sockets;

namespace Zonal.Domain;

/// <summary>
/// The addresses a SECONDARY zone is pulled from (contract §8.3): every resolved address of every
/// master, shuffled so no master carries all the load, with the master a NOTIFY came from first.
/// </summary>
public static class SecondaryMasters
{
    /// <summary>The endpoints to try in order; a master whose name does not resolve is left out and named in <paramref name="problems"/>.</summary>
    public static async Task<List<IPEndPoint>> ResolveAsync(IEnumerable<string> masters, string? preferred, List<string> problems, CancellationToken ct)
    {
        var endpoints = new List<IPEndPoint>();
        foreach (var entry in masters)
        {
            if (MasterAddress.TryParse(entry) is not { } master)
            {
                problems.Add($"master '{entry}' is not host[:port]");
                continue;
            }

            try
            {
                var addresses = IPAddress.TryParse(master.Host, out var address) ? [address] : await System.Net.Dns.GetHostAddressesAsync(master.Host, ct);
                endpoints.AddRange(addresses.Select(a => new IPEndPoint(a, master.Port)));
            }
            catch (SocketException e)
            {
                problems.Add($"master {master.Host} does not resolve: {e.Message}");
            }
        }

        var shuffled = endpoints.Distinct().ToArray();
        Random.Shared.Shuffle(shuffled);
        var ordered = shuffled.ToList();
        if (preferred is not null && IPEndPoint.TryParse(preferred, out var first) && ordered.Remove(first))
        {
            ordered.Insert(0, first);
        }

        return ordered;
    }
}
