namespace Zonal.Dns;

/// <summary>
/// The one exception the DNS library throws for bad input: a malformed packet, a bad name,
/// bad record data or a bad zone file. Callers that handle untrusted bytes catch only this.
/// </summary>
public class DnsFormatException : FormatException
{
    public DnsFormatException(string message)
        : base(message)
    {
    }

    public DnsFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
