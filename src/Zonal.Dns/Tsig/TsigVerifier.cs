using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Zonal.Dns.Tsig;

/// <summary>
/// Checks the TSIG of a received message (RFC 8945 §5.2, §5.4) in the RFC's order: placement
/// (FORMERR), key (BADKEY), MAC length (FORMERR), MAC (BADSIG), time (BADTIME), truncation policy (BADTRUNC).
/// </summary>
/// <remarks>
/// Replay (RFC 8945 §5.2.3): the fudge window always bounds replay. With <see cref="RejectOlderThanLastSeen"/>
/// on, a request whose Time Signed is earlier than the latest one accepted for the same key is also
/// answered BADTIME, as the RFC suggests. It is off by default: it is per process, so it cannot
/// protect several active-active servers, and it refuses honest clients whose requests cross in flight.
/// </remarks>
public sealed class TsigVerifier
{
    private readonly TsigKeyring _keyring;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<DnsName, ulong> _lastSeen = new();

    public TsigVerifier(TsigKeyring keyring, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        _keyring = keyring;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// Accept MACs cut below the full length (down to the RFC's minimum); off by default, as BIND,
    /// so a truncated MAC that verifies is answered BADTRUNC.
    /// </summary>
    public bool AcceptTruncatedMacs { get; init; }

    /// <summary>Answer BADTIME to a request signed earlier than the last one accepted from the same key.</summary>
    public bool RejectOlderThanLastSeen { get; init; }

    /// <summary>Checks a request. An unsigned request gives <c>IsSigned == false</c> and is the caller's policy to allow.</summary>
    public TsigVerification VerifyRequest(ReadOnlySpan<byte> message)
    {
        var result = Verify(message, null, _keyring, hasRequestMac: false, [], _clock, AcceptTruncatedMacs);
        if (RejectOlderThanLastSeen && result.IsValid)
        {
            return CheckReplay(result);
        }

        return result;
    }

    /// <summary>Checks a response to a request we signed with <paramref name="key"/> and sent with <paramref name="requestMac"/>.</summary>
    public static TsigVerification VerifyResponse(ReadOnlySpan<byte> message, TsigKey key, ReadOnlySpan<byte> requestMac, TimeProvider? clock = null) =>
        Verify(message, key, null, hasRequestMac: true, requestMac, clock ?? TimeProvider.System, acceptTruncated: true);

    private static TsigVerification Verify(
        ReadOnlySpan<byte> message,
        TsigKey? expectedKey,
        TsigKeyring? keyring,
        bool hasRequestMac,
        ReadOnlySpan<byte> requestMac,
        TimeProvider clock,
        bool acceptTruncated)
    {
        TsigRecord record;
        try
        {
            switch (TsigMessageLayout.Locate(message, out int offset))
            {
                case TsigPlacement.None:
                    return TsigVerification.Unsigned;
                case TsigPlacement.Misplaced:
                    return TsigVerification.FormErr("TSIG record is not the last record of the additional section");
            }

            record = TsigRecord.Read(message, offset);
        }
        catch (DnsFormatException e)
        {
            return TsigVerification.FormErr(e.Message);
        }

        return Check(message, record, expectedKey, keyring, hasRequestMac, requestMac, clock, acceptTruncated);
    }

    private static TsigVerification Check(
        ReadOnlySpan<byte> message,
        TsigRecord record,
        TsigKey? expectedKey,
        TsigKeyring? keyring,
        bool hasRequestMac,
        ReadOnlySpan<byte> requestMac,
        TimeProvider clock,
        bool acceptTruncated)
    {
        var mac = record.Mac(message);
        var key = expectedKey;
        if (key is null && keyring is not null)
        {
            keyring.TryGet(record.KeyName, out key!);
        }

        if (key is null || key.Name != record.KeyName || key.Algorithm.Name != record.AlgorithmName)
        {
            return TsigVerification.Failed(TsigError.BadKey, $"no key {record.KeyName} with algorithm {record.AlgorithmName}", record, null, []);
        }

        if (record.Error != TsigError.NoError && mac.IsEmpty)
        {
            // An unsigned error answer (RFC 8945 §5.3.2): the peer refused our key or MAC.
            return TsigVerification.Failed(record.Error, $"peer answered {record.Error}", record, key, []);
        }

        var algorithm = key.Algorithm;
        if (mac.Length > algorithm.MacSize || mac.Length < algorithm.MinimumMacSize)
        {
            return TsigVerification.FormErr($"MAC of {mac.Length} octets is outside {algorithm.MinimumMacSize}..{algorithm.MacSize} for {algorithm.ShortName}", record);
        }

        Span<byte> expected = stackalloc byte[algorithm.MacSize];
        using (var hmac = key.CreateHmac())
        {
            if (hasRequestMac)
            {
                TsigDigest.AppendMac(hmac, requestMac);
            }

            TsigDigest.AppendMessage(hmac, message[..record.Offset], record.OriginalId, tsigRecords: 1);
            TsigDigest.AppendVariables(hmac, record.KeyName, record.AlgorithmName, record.TimeSigned, record.Fudge, record.Error, record.OtherData(message));
            hmac.Finish(expected);
        }

        return Conclude(expected, mac, record, key, clock, acceptTruncated);
    }

    /// <summary>The checks after the digest: MAC, time, truncation policy, then the peer's own error.</summary>
    internal static TsigVerification Conclude(
        ReadOnlySpan<byte> expected,
        ReadOnlySpan<byte> mac,
        TsigRecord record,
        TsigKey key,
        TimeProvider clock,
        bool acceptTruncated)
    {
        if (!CryptographicOperations.FixedTimeEquals(expected[..mac.Length], mac))
        {
            return TsigVerification.Failed(TsigError.BadSig, $"MAC does not verify with key {key.Name}", record, key, []);
        }

        var macCopy = mac.ToArray();
        long now = clock.GetUtcNow().ToUnixTimeSeconds();
        long skew = Math.Abs(now - (long)record.TimeSigned);
        if (skew > record.Fudge)
        {
            return TsigVerification.Failed(TsigError.BadTime, $"signed {skew}s away from our clock, fudge allows {record.Fudge}s", record, key, macCopy);
        }

        if (mac.Length < key.Algorithm.MacSize && !acceptTruncated)
        {
            return TsigVerification.Failed(TsigError.BadTrunc, $"MAC cut to {mac.Length} of {key.Algorithm.MacSize} octets", record, key, macCopy);
        }

        if (record.Error != TsigError.NoError)
        {
            return TsigVerification.Failed(record.Error, $"peer answered {record.Error}", record, key, macCopy);
        }

        return TsigVerification.Valid(record, key, macCopy);
    }

    private TsigVerification CheckReplay(TsigVerification result)
    {
        var record = result.Record!.Value;
        ulong latest = _lastSeen.AddOrUpdate(record.KeyName, record.TimeSigned, (_, seen) => Math.Max(seen, record.TimeSigned));
        return record.TimeSigned < latest
            ? TsigVerification.Failed(TsigError.BadTime, $"signed at {record.TimeSigned}, before the {latest} already seen from key {record.KeyName}", record, result.Key, result.Mac)
            : result;
    }
}
