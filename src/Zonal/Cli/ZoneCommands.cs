using Zonal.Dns;
using Zonal.Dns.ZoneFiles;

namespace Zonal.Cli;

/// <summary><c>zonal zone check</c> and <c>zonal zone print</c>: read a zone file, report or rewrite it.</summary>
public static class ZoneCommands
{
    public static int Check(string file, string? originText, TextWriter stdout, TextWriter stderr)
    {
        if (!TryStart(file, originText, continueAfterErrors: true, stderr, out var reader, out var first))
        {
            return 1;
        }

        using (reader)
        {
            var origin = ZoneOf(reader, first);
            ZoneChecker? checker = origin is null ? null : new ZoneChecker(origin);
            for (var record = first; record is not null; record = reader.Read())
            {
                checker?.Add(record, reader.Position);
            }

            var findings = reader.Errors.Concat(reader.Warnings).ToList();
            ZoneCheckResult? result = null;
            if (checker is null)
            {
                findings.Add(new ZoneError(new ZonePosition(file, 1, 1), "cannot tell the zone's name: pass --origin NAME or start the file with $ORIGIN"));
            }
            else
            {
                result = checker.Complete(new ZonePosition(file, 1, 1));
                findings.AddRange(result.Findings);
            }

            foreach (var finding in findings.OrderBy(f => f.Position.File, StringComparer.Ordinal).ThenBy(f => f.Position.Line).ThenBy(f => f.Position.Column))
            {
                stderr.WriteLine(finding);
            }

            if (result is null || result.HasErrors || reader.Errors.Count > 0)
            {
                stderr.WriteLine($"{file}: zone rejected");
                return 1;
            }

            stdout.WriteLine(result.Summary());
            stdout.WriteLine("OK");
            return 0;
        }
    }

    public static int Print(string file, string? originText, TextWriter stdout, TextWriter stderr)
    {
        if (!TryStart(file, originText, continueAfterErrors: false, stderr, out var reader, out var first))
        {
            return 1;
        }

        using (reader)
        {
            try
            {
                var origin = ZoneOf(reader, first);
                var records = new List<DnsRecord>();
                for (var record = first; record is not null; record = reader.Read())
                {
                    records.Add(record);
                }

                if (origin is null)
                {
                    stderr.WriteLine($"{file}:1:1: cannot tell the zone's name: pass --origin NAME or start the file with $ORIGIN");
                    return 1;
                }

                ZoneWriter.Write(stdout, origin, records);
                return 0;
            }
            catch (DnsFormatException e)
            {
                stderr.WriteLine(e.Message);
                return 1;
            }
        }
    }

    /// <summary>Opens the file and reads its first record, which settles the zone's name.</summary>
    private static bool TryStart(string file, string? originText, bool continueAfterErrors, TextWriter stderr, out ZoneReader reader, out DnsRecord? first)
    {
        reader = null!;
        first = null;
        DnsName? origin;
        if (originText is not null)
        {
            if (!DnsName.TryParse(originText, DnsName.Root, out var given, out string error))
            {
                stderr.WriteLine($"zonal: bad --origin '{originText}': {error}");
                return false;
            }

            origin = given;
        }
        else
        {
            origin = OriginFromFileName(file);
        }

        try
        {
            // An operator checks a file of their own, so $INCLUDE works as in named-checkzone, but only
            // for files in the zone file's folder or below it.
            string includeRoot = Path.GetDirectoryName(Path.GetFullPath(file))!;
            reader = ZoneReader.Open(file, new ZoneReaderOptions { Origin = origin, ContinueAfterErrors = continueAfterErrors, IncludeRoot = includeRoot });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{file}: cannot read: {e.Message}");
            return false;
        }

        try
        {
            first = reader.Read();
            return true;
        }
        catch (DnsFormatException e)
        {
            stderr.WriteLine(e.Message);
            reader.Dispose();
            return false;
        }
    }

    /// <summary>The origin in force at the first record, or that record's name when it is the SOA.</summary>
    private static DnsName? ZoneOf(ZoneReader reader, DnsRecord? first) =>
        reader.Origin ?? (first?.Type == RecordType.SOA ? first.Name : null);

    /// <summary><c>db.example.org</c>, <c>example.org.zone</c>, <c>example.org.db</c> → <c>example.org.</c></summary>
    public static DnsName? OriginFromFileName(string file)
    {
        string name = Path.GetFileName(file);
        if (name.StartsWith("db.", StringComparison.OrdinalIgnoreCase))
        {
            name = name[3..];
        }
        else
        {
            foreach (string suffix in (string[])[".zone", ".db", ".txt"])
            {
                if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    name = name[..^suffix.Length];
                    break;
                }
            }
        }

        return name.Length > 0 && DnsName.TryParse(name, DnsName.Root, out var origin, out _) ? origin : null;
    }
}
