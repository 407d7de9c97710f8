namespace Zonal.Dns.Tsig;

/// <summary>
/// Signs the messages of a multi-message answer such as AXFR (RFC 8945 §5.3.1). The first message is
/// signed as a response to the request; each later signed message covers the prior MAC, every unsigned
/// message since, itself, and only the timers. Messages may go unsigned in between, but at most
/// <see cref="SignEvery"/> − 1 in a row, and the last one is always signed.
/// </summary>
public sealed class TsigStreamSigner : IDisposable
{
    /// <summary>RFC 8945 §5.3.1: a client must accept up to 99 unsigned messages in a row, no more.</summary>
    public const int MaxSignInterval = 100;

    private readonly TsigSigner _signer;
    private readonly TsigHmac _hmac;
    private byte[] _priorMac;
    private int _sent;
    private int _unsignedInRow;

    public TsigStreamSigner(TsigSigner signer, ReadOnlySpan<byte> requestMac)
    {
        ArgumentNullException.ThrowIfNull(signer);
        _signer = signer;
        _priorMac = requestMac.ToArray();
        _hmac = signer.Key.CreateHmac();
    }

    /// <summary>Sign one message in this many (1, the default, signs them all, as BIND does).</summary>
    public int SignEvery
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxSignInterval);
            field = value;
        }
    } = 1;

    /// <summary>The MAC of the last signed message.</summary>
    public ReadOnlySpan<byte> PriorMac => _priorMac;

    /// <summary>
    /// Adds the next message of the stream, signing it (appending its TSIG) when it is the first, the
    /// last, or its turn comes. Returns whether it was signed.
    /// </summary>
    public bool Add(WireWriter message, bool isLast)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_sent == 0)
        {
            _priorMac = _signer.SignResponse(message, _priorMac);
            TsigDigest.AppendMac(_hmac, _priorMac);
            _sent++;
            return true;
        }

        _sent++;
        if (!isLast && _unsignedInRow + 1 < SignEvery)
        {
            _hmac.Append(message.WrittenSpan);
            _unsignedInRow++;
            return false;
        }

        ulong time = _signer.Now();
        ushort fudge = _signer.Fudge;
        Span<byte> full = stackalloc byte[_signer.Key.Algorithm.MacSize];
        ushort id = (ushort)((message.WrittenSpan[0] << 8) | message.WrittenSpan[1]);
        TsigDigest.AppendMessage(_hmac, message.WrittenSpan, id, tsigRecords: 0);
        TsigDigest.AppendTimers(_hmac, time, fudge);
        _hmac.Finish(full);
        var mac = full[.._signer.SentMacSize];
        TsigSigner.AppendRecord(message, _signer.Key.Name, _signer.Key.Algorithm.Name, time, fudge, mac, id, TsigError.NoError, []);
        _priorMac = mac.ToArray();
        TsigDigest.AppendMac(_hmac, _priorMac);
        _unsignedInRow = 0;
        return true;
    }

    public void Dispose() => _hmac.Dispose();
}
