using Zonal.Messaging.Contracts.Worker;
using Zonal.Pools;

namespace Zonal.Worker;

/// <summary>What the polls concluded (§8.3 step 4): SUCCESS at the consensus serial, ERROR, or NO_ZONE.</summary>
public sealed record PollVerdict(PollOutcome Outcome, long Serial, string Reason)
{
    public bool Success => Outcome == PollOutcome.Success;
}

public enum PollOutcome
{
    Success,
    Error,
    NoZone,
}

/// <summary>
/// Counts the pool's nameservers' serial readings against threshold_percentage. A nameserver is
/// positive when its serial is at least the zone's (for DELETE: when it has no zone), and stays
/// positive; the lowest positive serial is the consensus.
/// </summary>
public sealed class ConsensusTally
{
    private readonly Dictionary<string, PoolServer> _nameservers;
    private readonly Dictionary<string, long?> _positive = [];
    private readonly Dictionary<string, NameserverStatus> _latest = [];
    private readonly ZoneChange _change;
    private readonly int _threshold;

    public ConsensusTally(ZoneChange change, int thresholdPercentage)
    {
        _change = change;
        _threshold = thresholdPercentage;
        _nameservers = change.Pool.Nameservers.DistinctBy(Key).ToDictionary(Key);
    }

    public int Total => _nameservers.Count;

    public int Positive => _positive.Count;

    /// <summary>Nameservers not yet positive: the ones the next round polls.</summary>
    public IEnumerable<PoolServer> Unconfirmed => _nameservers.Where(n => !_positive.ContainsKey(n.Key)).Select(n => n.Value);

    /// <summary>True once enough nameservers are positive (Designate: 100 × positive / total ≥ threshold).</summary>
    public bool Reached => Meets(Positive);

    public static string Key(PoolServer server) => $"{server.Host}:{server.Port}";

    /// <summary>
    /// Takes a reading; false when it is not a serial answer from one of the pool's nameservers
    /// (another zone action, another host, or a NOTIFY acknowledgement, which carries no serial: a poll
    /// that finds a deleted zone gone reports serial 0, so even for DELETE a serial-less SUCCESS is a NOTIFY's).
    /// </summary>
    public bool Record(NameserverStatus status)
    {
        var key = $"{status.Host}:{status.Port}";
        if (status.ZoneId != _change.ZoneId || status.Action != _change.Action || !_nameservers.ContainsKey(key)
            || status.Status == "SUCCESS" && status.ActualSerial is null)
        {
            return false;
        }

        _latest[key] = status;
        if (status.Status == "SUCCESS" && (_change.IsDelete || status.ActualSerial >= _change.ExpectedSerial))
        {
            _positive[key] = status.ActualSerial;
        }

        return true;
    }

    public PollVerdict Verdict()
    {
        if (Reached)
        {
            var serial = _change.IsDelete || Positive == 0 ? _change.Serial : _positive.Values.Min(s => s ?? _change.Serial);
            return new PollVerdict(PollOutcome.Success, serial, $"{Positive} of {Total} nameservers confirmed");
        }

        var readings = string.Join(", ", _nameservers.Keys.Select(Describe));
        if (!_change.IsDelete && !Meets(_latest.Values.Count(s => s.ActualSerial is not null)))
        {
            return new PollVerdict(PollOutcome.NoZone, _change.Serial,
                $"too few nameservers have the zone at all (threshold {_threshold}%): {readings}");
        }

        return new PollVerdict(PollOutcome.Error, _change.Serial,
            $"{Positive} of {Total} nameservers {(_change.IsDelete ? "dropped the zone" : $"reached serial {_change.Serial}")}, below threshold {_threshold}%: {readings}");
    }

    private bool Meets(int count) => count * 100L >= (long)_threshold * Total;

    private string Describe(string key) =>
        _positive.ContainsKey(key) ? $"{key} ok"
        : _latest.TryGetValue(key, out var s) ? $"{key} {(s.ActualSerial is { } serial ? $"serial {serial}" : "no answer")}"
        : $"{key} no reply";
}
