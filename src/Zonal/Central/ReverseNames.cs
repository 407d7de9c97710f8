using System.Net;
using System.Net.Sockets;

namespace Zonal.Central;

/// <summary>Where an IPv4 address's PTR lives: its /24 reverse zone and its full reverse name (RFC 1035 §3.5).</summary>
public static class ReverseNames
{
    /// <summary>True for a dotted-quad IPv4 address (not the shorter forms inet_aton also reads).</summary>
    public static bool IsIpv4(string address) =>
        address.Count(c => c == '.') == 3 && IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork;

    /// <summary>192.0.2.10 → 2.0.192.in-addr.arpa.</summary>
    public static string ZoneOf(string address) => string.Join('.', Enumerable.Reverse(Octets(address)[..3])) + ".in-addr.arpa.";

    /// <summary>192.0.2.10 → 10.2.0.192.in-addr.arpa.</summary>
    public static string NameOf(string address) => string.Join('.', Enumerable.Reverse(Octets(address))) + ".in-addr.arpa.";

    // Octets of the parsed address, so "192.000.2.010" names the same zone as "192.0.2.10".
    private static byte[] Octets(string address) =>
        IsIpv4(address) ? IPAddress.Parse(address).GetAddressBytes() : throw new ArgumentException($"'{address}' is not an IPv4 address", nameof(address));
}
