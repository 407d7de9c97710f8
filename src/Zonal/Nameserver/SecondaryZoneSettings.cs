using System.Net;
using Zonal.Dns;
using Zonal.Dns.Tsig;

namespace Zonal.Nameserver;

/// <summary>A zone this server is secondary for: where to pull it from and the TSIG key to sign with.</summary>
public sealed record SecondaryZoneSettings(DnsName Origin, IReadOnlyList<IPEndPoint> Masters, TsigKey? Key)
{
    /// <summary>NOTIFY is taken only from a master's address; its source port is not the master's DNS port.</summary>
    public bool IsMaster(IPAddress address)
    {
        var source = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var master in Masters)
        {
            if (master.Address.Equals(source))
            {
                return true;
            }
        }

        return false;
    }
}
