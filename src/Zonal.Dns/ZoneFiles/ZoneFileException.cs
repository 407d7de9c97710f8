namespace Zonal.Dns.ZoneFiles;

/// <summary>A zone file error, with the file, line and column it was found at.</summary>
public sealed class ZoneFileException : DnsFormatException
{
    public ZoneFileException(ZoneError error)
        : base(error.ToString())
    {
        Error = error;
    }

    public ZoneFileException(ZoneError error, Exception inner)
        : base(error.ToString(), inner)
    {
        Error = error;
    }

    public ZoneError Error { get; }
}
