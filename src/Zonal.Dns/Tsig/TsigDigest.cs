using System.Buffers.Binary;

namespace Zonal.Dns.Tsig;

/// <summary>Feeds the parts of the TSIG digest (RFC 8945 §4.3) into a running HMAC.</summary>
internal static class TsigDigest
{
    /// <summary>A request MAC or prior MAC goes in with its 2-octet length (RFC 8945 §4.3.1, §4.3.2).</summary>
    public static void AppendMac(TsigHmac hmac, ReadOnlySpan<byte> mac)
    {
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)mac.Length);
        hmac.Append(length);
        hmac.Append(mac);
    }

    /// <summary>
    /// The message as it was before the TSIG was added: the original ID in the header and the
    /// additional count less <paramref name="tsigRecords"/> (1 when the TSIG is still counted).
    /// </summary>
    public static void AppendMessage(TsigHmac hmac, ReadOnlySpan<byte> messageBeforeTsig, ushort originalId, int tsigRecords)
    {
        Span<byte> header = stackalloc byte[TsigMessageLayout.HeaderLength];
        messageBeforeTsig[..TsigMessageLayout.HeaderLength].CopyTo(header);
        BinaryPrimitives.WriteUInt16BigEndian(header, originalId);
        ushort additional = BinaryPrimitives.ReadUInt16BigEndian(header[TsigMessageLayout.ArCountOffset..]);
        BinaryPrimitives.WriteUInt16BigEndian(header[TsigMessageLayout.ArCountOffset..], (ushort)(additional - tsigRecords));
        hmac.Append(header);
        hmac.Append(messageBeforeTsig[TsigMessageLayout.HeaderLength..]);
    }

    /// <summary>The TSIG variables of RFC 8945 §4.3.3, names in canonical (lower-case, uncompressed) form.</summary>
    public static void AppendVariables(
        TsigHmac hmac,
        DnsName keyName,
        DnsName algorithmName,
        ulong timeSigned,
        ushort fudge,
        TsigError error,
        ReadOnlySpan<byte> otherData)
    {
        AppendCanonicalName(hmac, keyName);
        Span<byte> classAndTtl = stackalloc byte[6];
        BinaryPrimitives.WriteUInt16BigEndian(classAndTtl, (ushort)RecordClass.ANY);
        BinaryPrimitives.WriteUInt32BigEndian(classAndTtl[2..], 0);
        hmac.Append(classAndTtl);
        AppendCanonicalName(hmac, algorithmName);
        AppendTimers(hmac, timeSigned, fudge);
        Span<byte> errorAndLength = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16BigEndian(errorAndLength, (ushort)error);
        BinaryPrimitives.WriteUInt16BigEndian(errorAndLength[2..], (ushort)otherData.Length);
        hmac.Append(errorAndLength);
        hmac.Append(otherData);
    }

    /// <summary>Time Signed and Fudge: all the variables a later message of a stream signs (RFC 8945 §5.3.1).</summary>
    public static void AppendTimers(TsigHmac hmac, ulong timeSigned, ushort fudge)
    {
        Span<byte> timers = stackalloc byte[8];
        TsigRecord.WriteUInt48(timers, timeSigned);
        BinaryPrimitives.WriteUInt16BigEndian(timers[6..], fudge);
        hmac.Append(timers);
    }

    private static void AppendCanonicalName(TsigHmac hmac, DnsName name)
    {
        Span<byte> lower = stackalloc byte[DnsName.MaxLength];
        var wire = name.Wire;
        for (int i = 0; i < wire.Length; i++)
        {
            lower[i] = DnsName.ToLower(wire[i]);
        }

        hmac.Append(lower[..wire.Length]);
    }
}
