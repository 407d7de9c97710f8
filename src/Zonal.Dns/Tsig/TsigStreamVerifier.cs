namespace Zonal.Dns.Tsig;

/// <summary>
/// Checks the messages of a multi-message answer such as AXFR, in order (RFC 8945 §5.3.1). The first
/// must be signed; later ones may be unsigned, up to 99 in a row, and are then covered by the next
/// signed message. The transfer is only authentic if its last message was signed: see <see cref="LastWasSigned"/>.
/// </summary>
public sealed class TsigStreamVerifier : IDisposable
{
    private readonly TsigKey _key;
    private readonly TimeProvider _clock;
    private readonly TsigHmac _hmac;
    private byte[] _priorMac;
    private int _received;
    private int _unsignedInRow;
    private bool _failed;

    public TsigStreamVerifier(TsigKey key, ReadOnlySpan<byte> requestMac, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        _clock = clock ?? TimeProvider.System;
        _priorMac = requestMac.ToArray();
        _hmac = key.CreateHmac();
    }

    /// <summary>True when the latest message carried a valid TSIG; a transfer must end on one.</summary>
    public bool LastWasSigned { get; private set; }

    /// <summary>
    /// Checks the next message. An unsigned message in the middle gives <c>IsSigned == false</c> with no error;
    /// any failure (<see cref="TsigVerification.IsFailure"/>) ends the stream: later messages fail too.
    /// </summary>
    public TsigVerification Verify(ReadOnlySpan<byte> message)
    {
        if (_failed)
        {
            return TsigVerification.StreamFailure("an earlier message of this stream failed TSIG verification");
        }

        TsigVerification result;
        if (_received++ == 0)
        {
            result = TsigVerifier.VerifyResponse(message, _key, _priorMac, _clock);
            if (!result.IsSigned)
            {
                return Fail("the first message of a TSIG stream is unsigned");
            }
        }
        else
        {
            result = VerifyLater(message);
        }

        LastWasSigned = result.IsValid;
        if (result.IsValid)
        {
            _priorMac = result.Mac;
            TsigDigest.AppendMac(_hmac, _priorMac);
            _unsignedInRow = 0;
        }
        else if (result.IsFailure)
        {
            _failed = true;
        }

        return result;
    }

    private TsigVerification VerifyLater(ReadOnlySpan<byte> message)
    {
        TsigRecord record;
        try
        {
            switch (TsigMessageLayout.Locate(message, out int offset))
            {
                case TsigPlacement.None:
                    if (++_unsignedInRow >= TsigStreamSigner.MaxSignInterval)
                    {
                        return Fail($"{_unsignedInRow} messages in a row without TSIG; at most {TsigStreamSigner.MaxSignInterval - 1} are allowed");
                    }

                    _hmac.Append(message);
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

        if (record.KeyName != _key.Name || record.AlgorithmName != _key.Algorithm.Name)
        {
            return TsigVerification.Failed(TsigError.BadKey, $"message signed with {record.KeyName} ({record.AlgorithmName}), not {_key}", record, null, []);
        }

        var mac = record.Mac(message);
        var algorithm = _key.Algorithm;
        if (mac.Length > algorithm.MacSize || mac.Length < algorithm.MinimumMacSize)
        {
            return TsigVerification.FormErr($"MAC of {mac.Length} octets is outside {algorithm.MinimumMacSize}..{algorithm.MacSize} for {algorithm.ShortName}", record);
        }

        Span<byte> expected = stackalloc byte[algorithm.MacSize];
        TsigDigest.AppendMessage(_hmac, message[..record.Offset], record.OriginalId, tsigRecords: 1);
        TsigDigest.AppendTimers(_hmac, record.TimeSigned, record.Fudge);
        _hmac.Finish(expected);
        return TsigVerifier.Conclude(expected, mac, record, _key, _clock, acceptTruncated: true);
    }

    private TsigVerification Fail(string reason)
    {
        _failed = true;
        LastWasSigned = false;
        return TsigVerification.StreamFailure(reason);
    }

    public void Dispose() => _hmac.Dispose();
}
