namespace Zonal.Dns.Messages;

/// <summary>The 16-bit flags word of the header (RFC 1035 §4.1.1, RFC 4035 §3.2).</summary>
internal static class HeaderFlags
{
    public const ushort Response = 0x8000;
    public const ushort Authoritative = 0x0400;
    public const ushort Truncated = 0x0200;
    public const ushort RecursionDesired = 0x0100;
    public const ushort RecursionAvailable = 0x0080;
    public const ushort Zero = 0x0040;
    public const ushort AuthenticData = 0x0020;
    public const ushort CheckingDisabled = 0x0010;

    public static ushort Pack(DnsMessage message)
    {
        int flags = ((int)message.Opcode & 0xF) << 11 | ((int)message.Rcode & 0xF);
        flags |= message.IsResponse ? Response : 0;
        flags |= message.IsAuthoritative ? Authoritative : 0;
        flags |= message.IsTruncated ? Truncated : 0;
        flags |= message.RecursionDesired ? RecursionDesired : 0;
        flags |= message.RecursionAvailable ? RecursionAvailable : 0;
        flags |= message.Zero ? Zero : 0;
        flags |= message.AuthenticData ? AuthenticData : 0;
        flags |= message.CheckingDisabled ? CheckingDisabled : 0;
        return (ushort)flags;
    }

    public static void Unpack(ushort flags, DnsMessage message)
    {
        message.Opcode = (Opcode)((flags >> 11) & 0xF);
        message.Rcode = (Rcode)(flags & 0xF);
        message.IsResponse = (flags & Response) != 0;
        message.IsAuthoritative = (flags & Authoritative) != 0;
        message.IsTruncated = (flags & Truncated) != 0;
        message.RecursionDesired = (flags & RecursionDesired) != 0;
        message.RecursionAvailable = (flags & RecursionAvailable) != 0;
        message.Zero = (flags & Zero) != 0;
        message.AuthenticData = (flags & AuthenticData) != 0;
        message.CheckingDisabled = (flags & CheckingDisabled) != 0;
    }
}
