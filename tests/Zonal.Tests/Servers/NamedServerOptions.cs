namespace Zonal.Tests.Servers;

/// <summary>Knobs for the generated named.conf beyond the zones themselves.</summary>
public sealed record NamedServerOptions
{
    /// <summary>Open an rndc control channel on its own free port with a generated key.</summary>
    public bool EnableControls { get; init; }

    /// <summary>Statements added inside <c>options { }</c>.</summary>
    public string ExtraOptions { get; init; } = "";

    /// <summary>Top-level statements, e.g. TSIG <c>key</c> blocks.</summary>
    public string ExtraConfiguration { get; init; } = "";

    /// <summary>How long to wait for named to answer SOA queries for every zone.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
