namespace Zonal.DnsServer;

/// <summary>How a request arrived, and so how its answers go back.</summary>
public enum DnsTransport
{
    Udp,
    Tcp,
}
