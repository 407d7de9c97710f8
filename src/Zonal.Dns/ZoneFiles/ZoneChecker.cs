namespace Zonal.Dns.ZoneFiles;

/// <summary>
/// The checks <c>named-checkzone -i local</c> applies by default (BIND 9.18), with the same verdicts:
/// errors reject the zone, warnings do not. Records are added as they are read; <see cref="Complete"/>
/// runs the whole-zone checks and gives the summary.
/// </summary>
public sealed class ZoneChecker
{
    private const RecordType KeyType = (RecordType)25;

    private readonly DnsName _origin;
    private readonly Dictionary<DnsName, Node> _nodes = [];
    private readonly List<ZoneError> _findings = [];
    private readonly Dictionary<RecordType, int> _types = [];
    private int _records;

    public ZoneChecker(DnsName origin)
    {
        _origin = origin;
    }

    /// <summary>
    /// Reads a whole zone and checks it: the reader's errors and warnings come first, then the checker's.
    /// The reader should continue after errors (<see cref="ZoneReaderOptions.ContinueAfterErrors"/>) to report them all.
    /// </summary>
    public static async Task<ZoneCheckResult> CheckAsync(ZoneReader reader, DnsName origin, CancellationToken cancellationToken = default)
    {
        var checker = new ZoneChecker(origin);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
        {
            checker.Add(record, reader.Position);
        }

        var result = checker.Complete(new ZonePosition(reader.FileName, 1, 1));
        return result with { Findings = [.. reader.Errors, .. reader.Warnings, .. result.Findings] };
    }

    /// <summary>Checks one record against those before it, as BIND's loader does; a rejected record is not kept.</summary>
    public void Add(DnsRecord record, ZonePosition position)
    {
        var name = record.Name;
        if (!name.IsSubdomainOf(_origin))
        {
            Warn(position, $"ignoring out-of-zone data ({name})");
            return;
        }

        if (record.Type == RecordType.SOA && !name.Equals(_origin))
        {
            Fail(position, $"SOA record not at top of zone ({name})");
            return;
        }

        _nodes.TryGetValue(name, out var node);
        var set = node?.Find(record.Type);
        if (node is not null && IsCnameConflict(node, record.Type, set))
        {
            Fail(position, $"{name}: CNAME and other data");
            return;
        }

        if (set is null)
        {
            if (node is null)
            {
                node = new Node();
                _nodes.Add(name, node);
                if (HostnameRules.HasInnerWildcard(name))
                {
                    Warn(position, $"owner name '{name}' has a '*' label that is not leftmost, so it is no wildcard");
                }
            }

            CheckNames(record, position);

            node.Sets.Add(new RecordSet(record.Type, record.Ttl, position, [record.Data]));
            Count(record.Type);
            return;
        }

        foreach (var data in set.Data)
        {
            if (Rdata.DataEquals(record.Type, data, record.Data))
            {
                Warn(position, $"{name}: duplicate {RecordTypeNames.ToText(record.Type)} record ignored");
                return;
            }
        }

        if (IsSingleton(record.Type))
        {
            Fail(position, $"{name}: multiple RRs of singleton type {RecordTypeNames.ToText(record.Type)}");
            return;
        }

        if (record.Ttl != set.Ttl)
        {
            Warn(position, $"{name}: TTL {record.Ttl} set to prior TTL ({set.Ttl}) of its {RecordTypeNames.ToText(record.Type)} set");
        }

        set.Data.Add(record.Data);
        Count(record.Type);
    }

    /// <summary>Runs the whole-zone checks: SOA and NS at the apex, and the targets of NS, MX and SRV.</summary>
    public ZoneCheckResult Complete(ZonePosition zonePosition)
    {
        _nodes.TryGetValue(_origin, out var apex);
        if (apex?.Find(RecordType.SOA) is null)
        {
            Fail(zonePosition, $"zone {_origin}: has 0 SOA records");
        }

        if (apex?.Find(RecordType.NS) is null)
        {
            Fail(zonePosition, $"zone {_origin}: has no NS records");
        }

        foreach (var (name, node) in _nodes)
        {
            foreach (var set in node.Sets)
            {
                CheckTargets(name, set);
            }
        }

        return new ZoneCheckResult(_origin, _records, _nodes.Count, new Dictionary<RecordType, int>(_types), _findings);
    }

    private void CheckTargets(DnsName owner, RecordSet set)
    {
        int skip = set.Type switch
        {
            RecordType.NS => 0,
            RecordType.MX => 2,
            RecordType.SRV => 6,
            _ => -1,
        };
        if (skip < 0)
        {
            return;
        }

        bool apexNs = set.Type == RecordType.NS && owner.Equals(_origin);
        foreach (var data in set.Data)
        {
            if (data.Length <= skip)
            {
                continue;
            }

            var target = DnsName.FromWire(data.AsSpan(skip));
            CheckHostname(target, set.Position);
            if (target.IsRoot || !target.IsSubdomainOf(_origin))
            {
                continue;
            }

            string what = set.Type == RecordType.NS && apexNs ? "NS" : $"{owner}/{RecordTypeNames.ToText(set.Type)}";
            _nodes.TryGetValue(target, out var node);
            if (DnameAbove(target) is { } dname)
            {
                Report(apexNs, set.Position, $"{what} '{target}' is below a DNAME '{dname}' (illegal)");
            }
            else if (node?.Find(RecordType.CNAME) is not null)
            {
                Report(apexNs, set.Position, $"{what} '{target}' is a CNAME (illegal)");
            }
            else if (node?.Find(RecordType.A) is null && node?.Find(RecordType.AAAA) is null)
            {
                bool glue = set.Type == RecordType.NS && !apexNs && target.IsSubdomainOf(owner);
                Report(apexNs, set.Position, glue
                    ? $"{what} '{target}' has no REQUIRED GLUE address records (A or AAAA)"
                    : $"{what} '{target}' has no address records (A or AAAA)");
            }
        }
    }

    /// <summary>The closest name above <paramref name="target"/>, up to the apex, that holds a DNAME.</summary>
    private DnsName? DnameAbove(DnsName target)
    {
        for (var name = target; name.LabelCount > _origin.LabelCount;)
        {
            name = name.Parent();
            if (_nodes.TryGetValue(name, out var node) && node.Find(RecordType.DNAME) is not null)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>check-names: owners of address and mail records, and the host names in NS, MX, SRV and SOA, as BIND warns.</summary>
    private void CheckNames(DnsRecord record, ZonePosition position)
    {
        if (record.Type is RecordType.A or RecordType.AAAA or RecordType.MX && !HostnameRules.IsHostname(record.Name, allowWildcard: true))
        {
            Warn(position, $"{record.Name}: bad owner name (check-names)");
        }

        if (record.Type == RecordType.SOA && record.Data.Length > 0)
        {
            CheckHostname(DnsName.FromWire(record.Data), position);
        }
    }

    private void CheckHostname(DnsName target, ZonePosition position)
    {
        if (!target.IsRoot && !HostnameRules.IsHostname(target, allowWildcard: false))
        {
            Warn(position, $"{target}: bad name (check-names)");
        }
    }

    /// <summary>CNAME may share a name only with DNSSEC records (RFC 2181 §10.1, RFC 4035 §2.5).</summary>
    private static bool IsCnameConflict(Node node, RecordType type, RecordSet? own)
    {
        if (own is not null || IsDnssec(type))
        {
            return false;
        }

        foreach (var set in node.Sets)
        {
            if (IsDnssec(set.Type))
            {
                continue;
            }

            if (type == RecordType.CNAME || set.Type == RecordType.CNAME)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDnssec(RecordType type) =>
        type is RecordType.RRSIG or RecordType.NSEC or KeyType;

    private static bool IsSingleton(RecordType type) =>
        type is RecordType.CNAME or RecordType.SOA or RecordType.DNAME;

    private void Count(RecordType type)
    {
        _records++;
        _types[type] = _types.GetValueOrDefault(type) + 1;
    }

    private void Report(bool error, ZonePosition position, string message)
    {
        if (error)
        {
            Fail(position, message);
        }
        else
        {
            Warn(position, message);
        }
    }

    private void Fail(ZonePosition position, string message) => _findings.Add(new ZoneError(position, message));

    private void Warn(ZonePosition position, string message) =>
        _findings.Add(new ZoneError(position, message, ZoneSeverity.Warning));

    private sealed class Node
    {
        public List<RecordSet> Sets { get; } = new(2);

        public RecordSet? Find(RecordType type)
        {
            foreach (var set in Sets)
            {
                if (set.Type == type)
                {
                    return set;
                }
            }

            return null;
        }
    }

    private sealed record RecordSet(RecordType Type, uint Ttl, ZonePosition Position, List<byte[]> Data);
}
