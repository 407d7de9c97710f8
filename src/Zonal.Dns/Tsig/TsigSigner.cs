using System.Buffers.Binary;

namespace Zonal.Dns.Tsig;

/// <summary>
/// Signs single DNS messages with one key (RFC 8945 §4.3, §5.1, §5.3). The message is the one
/// already written in a <see cref="WireWriter"/>; signing appends the TSIG record and bumps ARCOUNT.
/// </summary>
public sealed class TsigSigner
{
    public const ushort DefaultFudge = 300;

    private readonly TimeProvider _clock;

    public TsigSigner(TsigKey key, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key;
        _clock = clock ?? TimeProvider.System;
    }

    public TsigKey Key { get; }

    /// <summary>Seconds of clock skew the receiver may allow (RFC 8945 §5.2.3); 300 as recommended.</summary>
    public ushort Fudge { get; init; } = DefaultFudge;

    /// <summary>
    /// Octets of MAC to send: 0 (the default) sends the full MAC, otherwise the MAC is cut to this
    /// length, which must lie between <see cref="TsigAlgorithm.MinimumMacSize"/> and the full size.
    /// </summary>
    public int MacSize
    {
        get;
        init
        {
            if (value != 0 && (value < Key.Algorithm.MinimumMacSize || value > Key.Algorithm.MacSize))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"{Key.Algorithm.ShortName} MACs may be cut to {Key.Algorithm.MinimumMacSize} to {Key.Algorithm.MacSize} octets");
            }

            field = value;
        }
    }

    /// <summary>Signs a request; returns the MAC sent, which the response's MAC covers.</summary>
    public byte[] SignRequest(WireWriter message) =>
        Sign(message, hasRequestMac: false, [], TsigError.NoError, [], null);

    /// <summary>Signs a response (or the first message of a transfer) to a request that carried <paramref name="requestMac"/>.</summary>
    public byte[] SignResponse(
        WireWriter message,
        ReadOnlySpan<byte> requestMac,
        TsigError error = TsigError.NoError,
        ReadOnlySpan<byte> otherData = default,
        ulong? timeSigned = null) =>
        Sign(message, hasRequestMac: true, requestMac, error, otherData, timeSigned);

    internal ulong Now() => (ulong)_clock.GetUtcNow().ToUnixTimeSeconds();

    internal int SentMacSize => MacSize == 0 ? Key.Algorithm.MacSize : MacSize;

    private byte[] Sign(
        WireWriter message,
        bool hasRequestMac,
        ReadOnlySpan<byte> requestMac,
        TsigError error,
        ReadOnlySpan<byte> otherData,
        ulong? timeSigned)
    {
        ulong time = timeSigned ?? Now();
        ushort id = BinaryPrimitives.ReadUInt16BigEndian(message.WrittenSpan);
        Span<byte> full = stackalloc byte[Key.Algorithm.MacSize];
        using (var hmac = Key.CreateHmac())
        {
            if (hasRequestMac)
            {
                TsigDigest.AppendMac(hmac, requestMac);
            }

            TsigDigest.AppendMessage(hmac, message.WrittenSpan, id, tsigRecords: 0);
            TsigDigest.AppendVariables(hmac, Key.Name, Key.Algorithm.Name, time, Fudge, error, otherData);
            hmac.Finish(full);
        }

        var mac = full[..SentMacSize];
        AppendRecord(message, Key.Name, Key.Algorithm.Name, time, Fudge, mac, id, error, otherData);
        return mac.ToArray();
    }

    /// <summary>Appends a TSIG record to the message and counts it in ARCOUNT.</summary>
    internal static void AppendRecord(
        WireWriter message,
        DnsName keyName,
        DnsName algorithmName,
        ulong timeSigned,
        ushort fudge,
        ReadOnlySpan<byte> mac,
        ushort originalId,
        TsigError error,
        ReadOnlySpan<byte> otherData)
    {
        ushort additional = BinaryPrimitives.ReadUInt16BigEndian(message.WrittenSpan[TsigMessageLayout.ArCountOffset..]);
        if (additional == ushort.MaxValue)
        {
            throw new DnsFormatException("message already holds 65535 additional records; no room for a TSIG");
        }

        message.WriteName(keyName, compress: false);
        message.WriteUInt16((ushort)RecordType.TSIG);
        message.WriteUInt16((ushort)RecordClass.ANY);
        message.WriteUInt32(0);
        int lengthAt = message.Position;
        message.WriteUInt16(0);
        message.WriteName(algorithmName, compress: false);
        Span<byte> time = stackalloc byte[6];
        TsigRecord.WriteUInt48(time, timeSigned);
        message.WriteBytes(time);
        message.WriteUInt16(fudge);
        message.WriteUInt16((ushort)mac.Length);
        message.WriteBytes(mac);
        message.WriteUInt16(originalId);
        message.WriteUInt16((ushort)error);
        message.WriteUInt16((ushort)otherData.Length);
        message.WriteBytes(otherData);
        message.PatchUInt16(lengthAt, (ushort)(message.Position - lengthAt - 2));
        message.PatchUInt16(TsigMessageLayout.ArCountOffset, (ushort)(additional + 1));
    }
}
