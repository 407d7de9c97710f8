namespace Zonal.Nameserver;

/// <summary>
/// Where one zone's current version lives. A transfer builds a whole new <see cref="ZoneVersion"/> and
/// swaps it in with one reference write, so a query never sees half of a transfer applied.
/// </summary>
public sealed class ZoneSlot(Zonal.Dns.DnsName origin)
{
    private ZoneVersion? _current;
    private volatile bool _expired;

    public Zonal.Dns.DnsName Origin { get; } = origin;

    /// <summary>The version being served, or null before the first transfer.</summary>
    public ZoneVersion? Current => Volatile.Read(ref _current);

    /// <summary>The version to answer from, or null when the zone has none or has expired (SERVFAIL).</summary>
    public ZoneVersion? Serving => _expired ? null : Current;

    public bool IsExpired => _expired;

    public void Publish(ZoneVersion version)
    {
        if (!version.Origin.Equals(Origin))
        {
            throw new ArgumentException($"version of {version.Origin} cannot be served as {Origin}", nameof(version));
        }

        Volatile.Write(ref _current, version);
        _expired = false;
    }

    /// <summary>The masters stayed silent past the SOA EXPIRE: stop answering for the zone (RFC 1035 §3.3.13).</summary>
    public void Expire() => _expired = true;
}
