using System.Net;
using Zonal.Dns;
using Zonal.Dns.Tsig;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Nameserver;

namespace Zonal.Nameserver;

/// <summary>The nameserver's side of its message contracts: add and remove secondary zones.</summary>
public sealed class SecondaryZoneCommands(SecondaryZones zones) : ICastHandler<AddSecondaryZone>, ICastHandler<RemoveSecondaryZone>
{
    public async Task HandleAsync(AddSecondaryZone cast, CancellationToken ct)
    {
        var masters = new List<IPEndPoint>();
        foreach (var master in cast.Masters)
        {
            masters.Add(await ResolveAsync(master, ct));
        }

        var key = cast.TsigKey is { } k ? TsigKey.FromText(k.Name, k.Algorithm, k.Secret) : null;
        zones.Add(new SecondaryZoneSettings(DnsName.Parse(cast.ZoneName, DnsName.Root), masters, key));
    }

    public Task HandleAsync(RemoveSecondaryZone cast, CancellationToken ct) =>
        zones.RemoveAsync(DnsName.Parse(cast.ZoneName, DnsName.Root));

    private static async Task<IPEndPoint> ResolveAsync(NameserverAddress master, CancellationToken ct)
    {
        if (IPAddress.TryParse(master.Host, out var address))
        {
            return new IPEndPoint(address, master.Port);
        }

        var addresses = await System.Net.Dns.GetHostAddressesAsync(master.Host, ct);
        return addresses.Length > 0
            ? new IPEndPoint(addresses[0], master.Port)
            : throw new ArgumentException($"master {master.Host} has no address");
    }
}
