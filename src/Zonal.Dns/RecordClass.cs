namespace Zonal.Dns;

/// <summary>DNS CLASS values (RFC 1035 §3.2.4, RFC 2136 §1.3).</summary>
public enum RecordClass : ushort
{
    IN = 1,
    CH = 3,
    HS = 4,
    NONE = 254,
    ANY = 255,
}
