namespace Zonal.Dns.Messages;

/// <summary>The OPCODE field of the header (RFC 1035 §4.1.1, RFC 1996, RFC 2136). Any other 4-bit value is kept as is.</summary>
public enum Opcode : byte
{
    Query = 0,
    IQuery = 1,
    Status = 2,
    Notify = 4,
    Update = 5,
}
