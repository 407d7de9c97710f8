using System.Globalization;
using Zonal.Dns;
using Zonal.Dns.ZoneFiles;
using Zonal.Domain;

namespace Zonal.Central;

/// <summary>
/// Reads an uploaded zone file record by record and checks each against the API's rules (names,
/// types, record data, TTL), so a file is accepted only if every record could have been created
/// through the API. Only the grouped record sets are kept, never the records as read.
/// Every failure is a <see cref="ServiceError"/> whose message names the line.
/// </summary>
public static class ZoneFileImport
{
    public const string FileName = "zonefile";

    public static ImportedZone Read(string text, Policy policy, RequestContext ctx, int minTtl, int maxRecordSetNameLength)
    {
        RequireOriginFirst(text);
        using var reader = new Dns.ZoneFiles.ZoneReader(new StringReader(text), FileName);
        var sets = new Dictionary<(string Name, string Type), ImportedRecordSet>();
        var ordered = new List<ImportedRecordSet>();
        DnsName? origin = null;
        DnsRecord? soa = null;
        int records = 0;
        try
        {
            while (reader.Read() is { } record)
            {
                origin ??= reader.Origin!;
                var position = reader.Position;
                var type = RecordTypeNames.ToText(record.Type);
                if (record.Class != RecordClass.IN)
                {
                    throw Error(position, $"class {RecordClassNames.ToText(record.Class)} is not supported; only IN");
                }

                if (!record.Name.IsSubdomainOf(origin))
                {
                    throw Error(position, $"{record.Name} is outside the zone {origin}");
                }

                bool apex = record.Name.Equals(origin);
                if (record.Type == RecordType.SOA)
                {
                    soa = apex && soa is null ? record : throw Error(position, apex ? "the zone has more than one SOA record" : "the SOA record must be at the zone apex");
                    continue;
                }

                // The apex NS set is the pool's, managed by the service as for any new zone.
                if (apex && record.Type == RecordType.NS)
                {
                    continue;
                }

                var set = Add(sets, ordered, record, type, position, policy, ctx, minTtl, maxRecordSetNameLength, origin);
                var data = RecordText.FromZoneFile(type, Rdata.Format(record.Type, record.Data));
                if (RecordDataValidator.Problem(type, data) is { } problem)
                {
                    throw Error(position, $"'{data}' is not a valid {type} record: {problem}");
                }

                if (!set.Records.Contains(data))
                {
                    set.Records.Add(data);
                    records++;
                }
            }
        }
        catch (ZoneFileException e)
        {
            throw new ServiceError(400, "bad_request", e.Message);
        }

        if (origin is null || soa is null)
        {
            throw ServiceError.BadRequest("The zone file has no SOA record");
        }

        CheckCnames(ordered);
        return FromSoa(origin, soa, ordered, records, minTtl);
    }

    /// <summary>Designate reads imports with no default origin: the file must say which zone it is first.</summary>
    private static void RequireOriginFirst(string text)
    {
        using var lines = new StringReader(text);
        int number = 0;
        while (lines.ReadLine() is { } line)
        {
            number++;
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == ';')
            {
                continue;
            }

            if (trimmed.StartsWith("$ORIGIN", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            throw Error(new ZonePosition(FileName, number, 1), "the zone file must start with $ORIGIN");
        }

        throw ServiceError.BadRequest("The zone file is empty; it must start with $ORIGIN");
    }

    private static ImportedRecordSet Add(
        Dictionary<(string, string), ImportedRecordSet> sets,
        List<ImportedRecordSet> ordered,
        DnsRecord record,
        string type,
        ZonePosition position,
        Policy policy,
        RequestContext ctx,
        int minTtl,
        int maxNameLength,
        DnsName origin)
    {
        var name = record.Name.ToString();
        var key = (name.ToLowerInvariant(), type);
        if (sets.TryGetValue(key, out var set))
        {
            return set;
        }

        if (!RecordDataRules.SupportedTypes.Contains(type))
        {
            throw Error(position, $"record type {type} is not supported");
        }

        int ttl = (int)record.Ttl;
        try
        {
            RecordSetRules.CheckName(name, type, origin, maxNameLength);
            ZoneFieldRules.CheckTtl(ttl);
            policy.RequireLowTtlAllowed(ctx, ttl, minTtl);
        }
        catch (ServiceError e)
        {
            throw Error(position, $"{name} {type}: {Describe(e)}");
        }

        set = new ImportedRecordSet(name, type, ttl, position);
        sets.Add(key, set);
        ordered.Add(set);
        return set;
    }

    /// <summary>A CNAME is alone at its name and holds one record (RFC 1034 §3.6.2).</summary>
    private static void CheckCnames(List<ImportedRecordSet> sets)
    {
        var byName = new Dictionary<string, ImportedRecordSet>(StringComparer.OrdinalIgnoreCase);
        foreach (var set in sets)
        {
            if (set.Type == "CNAME" && set.Records.Count > 1)
            {
                throw Error(set.Position, $"{set.Name} CNAME: a CNAME recordset may not have more than 1 record");
            }

            if (byName.TryGetValue(set.Name, out var other) && (set.Type == "CNAME" || other.Type == "CNAME"))
            {
                throw Error(set.Position, $"{set.Name} {set.Type}: CNAME recordsets may not share a name with any other records");
            }

            byName.TryAdd(set.Name, set);
        }
    }

    /// <summary>The zone's email from the SOA RNAME (an escaped dot stays in the local part), TTL and timers from the SOA.</summary>
    private static ImportedZone FromSoa(DnsName origin, DnsRecord soa, List<ImportedRecordSet> sets, int records, int minTtl)
    {
        var fields = Rdata.Format(RecordType.SOA, soa.Data).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rname = fields[1];
        int split = 0;
        while (split < rname.Length && rname[split] != '.')
        {
            split += rname[split] == '\\' ? 2 : 1;
        }

        var local = rname[..Math.Min(split, rname.Length)].Replace("\\.", ".");
        var domain = split < rname.Length ? rname[(split + 1)..].TrimEnd('.') : "";
        int ttl = soa.Ttl == 0 ? minTtl : (int)soa.Ttl;
        var timers = new SoaTimers(
            long.Parse(fields[2], CultureInfo.InvariantCulture),
            (int)Math.Min(int.MaxValue, long.Parse(fields[4], CultureInfo.InvariantCulture)),
            (int)Math.Min(int.MaxValue, long.Parse(fields[5], CultureInfo.InvariantCulture)));
        return new ImportedZone(origin, $"{local}@{domain}", ttl, timers, sets, records);
    }

    public static ServiceError Error(ZonePosition position, string message) =>
        ServiceError.BadRequest(new ZoneError(position, message).ToString());

    /// <summary>The words of a rule's failure: its message, or for schema errors the field messages.</summary>
    public static string Describe(ServiceError e) =>
        e.Errors is { Count: > 0 } errors ? string.Join("; ", errors.Select(f => f.Message)) : e.Detail ?? e.Type;
}
