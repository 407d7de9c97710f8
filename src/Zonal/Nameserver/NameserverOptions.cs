namespace Zonal.Nameserver;

/// <summary>The builtin secondary nameserver's settings (section Zonal:Nameserver).</summary>
public sealed class NameserverOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Comma-separated address:port entries served over UDP and TCP; loopback by default, as the embedded default is for one machine.</summary>
    public string Listen { get; set; } = "127.0.0.1:5353";

    /// <summary>Folder for the zone catalog and zone files; empty means "nameserver" under the service's data folder.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>Floor and ceiling on the SOA REFRESH and RETRY the masters ask for, in seconds (BIND's min/max-refresh-time, min/max-retry-time).</summary>
    public int MinRefreshSeconds { get; set; } = 30;

    public int MaxRefreshSeconds { get; set; } = 86400;

    public int MinRetrySeconds { get; set; } = 5;

    public int MaxRetrySeconds { get; set; } = 3600;

    /// <summary>How long one SOA query or the start of a transfer may take.</summary>
    public double TransferTimeoutSeconds { get; set; } = 10;
}
