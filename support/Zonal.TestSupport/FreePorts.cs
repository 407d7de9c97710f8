using System.Net;
using System.Net.Sockets;

namespace Zonal.TestSupport;

/// <summary>Picks loopback ports that are free for UDP and TCP at once, as a DNS server needs both.</summary>
public static class FreePorts
{
    public static int NextUdpAndTcp()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            try
            {
                using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // The TCP side of this port is taken; try another one.
            }
        }

        throw new InvalidOperationException("no loopback port free for both UDP and TCP after 50 attempts");
    }
}
