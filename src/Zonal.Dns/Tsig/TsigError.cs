namespace Zonal.Dns.Tsig;

/// <summary>The TSIG RDATA Error field (RFC 8945 §4.2, IANA DNS RCODEs).</summary>
public enum TsigError : ushort
{
    NoError = 0,
    BadSig = 16,
    BadKey = 17,
    BadTime = 18,
    BadTrunc = 22,
}
