namespace Zonal.Dns.ZoneFiles;

/// <summary>How a <see cref="ZoneReader"/> reads: starting origin, class, and whether <c>$INCLUDE</c> may reach files.</summary>
public sealed class ZoneReaderOptions
{
    /// <summary>Origin before any <c>$ORIGIN</c>; relative names need one.</summary>
    public DnsName? Origin { get; init; }

    /// <summary>The zone's class; a record naming another class is an error.</summary>
    public RecordClass Class { get; init; } = RecordClass.IN;

    /// <summary>
    /// Folder that <c>$INCLUDE</c> may read from (and below). Null, the default, turns <c>$INCLUDE</c> off:
    /// a zone file from a tenant must not read the server's files.
    /// </summary>
    public string? IncludeRoot { get; init; }

    /// <summary>When true, a bad record is recorded in <see cref="ZoneReader.Errors"/> and skipped instead of thrown.</summary>
    public bool ContinueAfterErrors { get; init; }

    /// <summary>Most errors kept when continuing after errors; reading stops after that many.</summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>Deepest nesting of <c>$INCLUDE</c>, which also stops include loops.</summary>
    public int MaxIncludeDepth { get; init; } = 8;
}
