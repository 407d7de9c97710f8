namespace Zonal.Dns.Messages;

/// <summary>Mnemonics of response codes as dig prints them, with <c>RCODEnnn</c> for any other value.</summary>
public static class RcodeNames
{
    /// <summary>Name of a message's rcode; 16 is BADVERS there.</summary>
    public static string ToText(Rcode rcode) => rcode switch
    {
        Rcode.NoError => "NOERROR",
        Rcode.FormErr => "FORMERR",
        Rcode.ServFail => "SERVFAIL",
        Rcode.NXDomain => "NXDOMAIN",
        Rcode.NotImp => "NOTIMP",
        Rcode.Refused => "REFUSED",
        Rcode.YXDomain => "YXDOMAIN",
        Rcode.YXRRSet => "YXRRSET",
        Rcode.NXRRSet => "NXRRSET",
        Rcode.NotAuth => "NOTAUTH",
        Rcode.NotZone => "NOTZONE",
        Rcode.BadVers => "BADVERS",
        _ => TsigErrorText(rcode),
    };

    /// <summary>Name of a TSIG or TKEY error field; 16 is BADSIG there.</summary>
    public static string TsigErrorText(Rcode error) => error switch
    {
        Rcode.NoError => "NOERROR",
        Rcode.BadSig => "BADSIG",
        Rcode.BadKey => "BADKEY",
        Rcode.BadTime => "BADTIME",
        Rcode.BadMode => "BADMODE",
        Rcode.BadName => "BADNAME",
        Rcode.BadAlg => "BADALG",
        Rcode.BadTrunc => "BADTRUNC",
        Rcode.BadCookie => "BADCOOKIE",
        _ => (ushort)error <= (ushort)Rcode.NotZone ? ToText(error) : $"RCODE{(ushort)error}",
    };
}
