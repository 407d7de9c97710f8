namespace Zonal.Dns.ZoneFiles;

public enum ZoneSeverity
{
    Error,
    Warning,
}

/// <summary>One finding about a zone file, printed as <c>FILE:LINE:COL: message</c> like a compiler.</summary>
public sealed record ZoneError(ZonePosition Position, string Message, ZoneSeverity Severity = ZoneSeverity.Error)
{
    public bool IsWarning => Severity == ZoneSeverity.Warning;

    public override string ToString() =>
        IsWarning ? $"{Position}: warning: {Message}" : $"{Position}: {Message}";
}
