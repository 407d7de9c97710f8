using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.Tsig;
using Zonal.DnsServer;

namespace Zonal.MiniDns;

/// <summary>
/// The messages of one AXFR or IXFR answer over TCP: records packed into as few messages as fit,
/// each sent as it fills and, when the request was signed, each signed in the TSIG stream (RFC 8945 §5.3.1).
/// </summary>
internal sealed class TransferStream : IDisposable
{
    private readonly IDnsResponder _responder;
    private readonly DnsMessagePacker _packer;
    private readonly TsigStreamSigner? _signer;
    private readonly WireWriter? _signed;

    public TransferStream(DnsMessage template, IDnsResponder responder, int maxMessageSize, TsigContext? tsig)
    {
        _responder = responder;
        int size = Math.Min(Math.Min(maxMessageSize, DnsMessage.MaxSize), responder.MaxMessageSize);
        _packer = new DnsMessagePacker(template, size, tsig is null ? 0 : TsigContext.ReservedSpace);
        if (tsig is not null)
        {
            _signer = new TsigStreamSigner(new TsigSigner(tsig.Key), tsig.RequestMac);
            _signed = new WireWriter(size);
        }
    }

    public int MessageCount => _packer.MessageCount;

    public async ValueTask AddAsync(DnsRecord record, CancellationToken ct)
    {
        if (!_packer.TryAdd(record))
        {
            await SendAsync(_packer.Complete(), ct);
            _packer.TryAdd(record);
        }
    }

    public async ValueTask FinishAsync(CancellationToken ct)
    {
        if (_packer.RecordCount > 0 || _packer.MessageCount == 0)
        {
            await SendAsync(_packer.Complete(), ct);
        }
    }

    private ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        if (_signer is null || _signed is null)
        {
            return _responder.SendAsync(message, ct);
        }

        // Every message is signed (SignEvery 1, as BIND), so whether this one is the last does not matter.
        _signed.Reset();
        _signed.WriteBytes(message.Span);
        _signer.Add(_signed, isLast: false);
        return _responder.SendAsync(_signed.WrittenMemory, ct);
    }

    public void Dispose()
    {
        _packer.Dispose();
        _signer?.Dispose();
        _signed?.Dispose();
    }
}
