namespace Zonal.Dns.Messages;

/// <summary>
/// Response codes: the 4 header bits, extended to 12 bits by the OPT record (RFC 6891 §6.1.3).
/// Values 16 to 22 are also the TSIG/TKEY error field's codes (RFC 8945 §5.3), where 16 reads BADSIG;
/// a header never carries those: a TSIG failure answers NOTAUTH with the code in the TSIG record.
/// </summary>
public enum Rcode : ushort
{
    NoError = 0,
    FormErr = 1,
    ServFail = 2,
    NXDomain = 3,
    NotImp = 4,
    Refused = 5,
    YXDomain = 6,
    YXRRSet = 7,
    NXRRSet = 8,
    NotAuth = 9,
    NotZone = 10,
    BadVers = 16,
    BadSig = 16,
    BadKey = 17,
    BadTime = 18,
    BadMode = 19,
    BadName = 20,
    BadAlg = 21,
    BadTrunc = 22,
    BadCookie = 23,
}
