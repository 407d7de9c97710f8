namespace Zonal.Dns.ZoneFiles;

/// <summary>A place in a zone file: file name as given, 1-based line and column.</summary>
public readonly record struct ZonePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
