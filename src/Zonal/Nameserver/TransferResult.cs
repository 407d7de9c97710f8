using Zonal.Dns;

namespace Zonal.Nameserver;

public enum TransferKind
{
    /// <summary>The master had nothing newer.</summary>
    UpToDate,

    /// <summary>IXFR answered with differences (RFC 1995 §4).</summary>
    Incremental,

    /// <summary>The whole zone: AXFR, or IXFR answered in AXFR form.</summary>
    Full,
}

/// <summary>What one transfer brought: the new version (the held one when up to date) and how it travelled.</summary>
public sealed record TransferResult(ZoneVersion? Version, TransferKind Kind, int Messages, int Records, long Octets)
{
    /// <summary>For an incremental transfer, the answer as received (SOA, differences, SOA), which the zone's journal keeps.</summary>
    public IReadOnlyList<DnsRecord>? Differences { get; init; }
}
