namespace Zonal.Dns.Tsig;

/// <summary>The header RCODE values TSIG processing answers with (RFC 1035 §4.1.1, RFC 2136 §2.2).</summary>
public static class TsigRcode
{
    public const byte NoError = 0;
    public const byte FormErr = 1;
    public const byte NotAuth = 9;
}
