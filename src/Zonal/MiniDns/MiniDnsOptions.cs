namespace Zonal.MiniDns;

/// <summary>
/// MiniDNS settings, bound from the "Zonal:MiniDns" section with Designate's [service:mdns] meanings.
/// </summary>
public sealed class MiniDnsOptions
{
    /// <summary>Run MiniDNS in this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Comma-separated address:port entries, each served over UDP and TCP (<c>[::1]:5354</c> for IPv6).</summary>
    public string Listen { get; set; } = "127.0.0.1:5354";

    /// <summary>Largest message of a transfer (capped at 65535); 235 octets are kept free when the request was signed.</summary>
    public int MaxMessageSize { get; set; } = 65535;

    /// <summary>Refuse unsigned queries and transfers.</summary>
    public bool QueryEnforceTsig { get; set; }

    /// <summary>How long a TCP connection may wait for its next request.</summary>
    public double TcpRecvTimeout { get; set; } = 0.5;

    public int TcpBacklog { get; set; } = 100;
}
