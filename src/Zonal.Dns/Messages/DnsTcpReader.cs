using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Zonal.Dns.Messages;

/// <summary>
/// Reads DNS messages framed with a 2-octet length (RFC 1035 §4.2.2, RFC 7766) from a stream. Bytes
/// are buffered in a pooled array; a frame already in the buffer is returned without going async.
/// </summary>
public sealed class DnsTcpReader : IDisposable
{
    private const int InitialBufferSize = 4096;
    private const int MaxFrameSize = 2 + DnsMessage.MaxSize;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _consumed;

    public DnsTcpReader(Stream stream, bool leaveOpen = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    }

    /// <summary>The message read by the last successful <see cref="ReadFrameAsync"/>; valid until the next read.</summary>
    public ReadOnlyMemory<byte> Frame { get; private set; }

    /// <summary>
    /// Reads the next frame into <see cref="Frame"/>. Returns false when the stream ends cleanly between
    /// messages; a stream that ends inside a frame raises <see cref="DnsFormatException"/>.
    /// </summary>
    public ValueTask<bool> ReadFrameAsync(CancellationToken cancellationToken = default)
    {
        _start += _consumed;
        _consumed = 0;
        Frame = default;
        return TryTakeFrame() ? new ValueTask<bool>(true) : FillAndReadAsync(cancellationToken);
    }

    /// <summary>Reads and decodes the next message, or returns null at a clean end of stream.</summary>
    public async ValueTask<DnsMessage?> ReadMessageAsync(CancellationToken cancellationToken = default) =>
        await ReadFrameAsync(cancellationToken).ConfigureAwait(false) ? DnsMessage.Decode(Frame.Span) : null;

    /// <summary>Every message until the stream ends.</summary>
    public async IAsyncEnumerable<DnsMessage> ReadMessagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await ReadFrameAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return DnsMessage.Decode(Frame.Span);
        }
    }

    /// <summary>
    /// The messages of one AXFR response (RFC 5936), ending with the message that holds the closing SOA, so
    /// the connection can be reused. A stream that ends before that raises <see cref="DnsFormatException"/>,
    /// as does a response with an error rcode.
    /// </summary>
    public IAsyncEnumerable<DnsMessage> ReadAxfrAsync(CancellationToken cancellationToken = default) =>
        ReadTransferAsync(new TransferEnd(RecordType.AXFR, 0), cancellationToken);

    /// <summary>
    /// The messages of one IXFR response (RFC 1995) to a client holding <paramref name="clientSerial"/>:
    /// incremental, in AXFR form, or a single SOA when the client is up to date. Errors as for <see cref="ReadAxfrAsync"/>.
    /// </summary>
    public IAsyncEnumerable<DnsMessage> ReadIxfrAsync(uint clientSerial, CancellationToken cancellationToken = default) =>
        ReadTransferAsync(new TransferEnd(RecordType.IXFR, clientSerial), cancellationToken);

    private async IAsyncEnumerable<DnsMessage> ReadTransferAsync(TransferEnd end, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!await ReadFrameAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new DnsFormatException($"connection closed before the end of the {RecordTypeNames.ToText(end.TransferType)} response");
            }

            var message = DnsMessage.Decode(Frame.Span);
            if (message.Rcode != Rcode.NoError)
            {
                throw new DnsFormatException($"{RecordTypeNames.ToText(end.TransferType)} refused by the server: {RcodeNames.ToText(message.Rcode)}");
            }

            bool done = end.IsComplete(message);
            yield return message;
            if (done)
            {
                yield break;
            }
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        Frame = default;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private bool TryTakeFrame()
    {
        int available = _end - _start;
        if (available < 2)
        {
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(_start));
        if (available < 2 + length)
        {
            return false;
        }

        Frame = _buffer.AsMemory(_start + 2, length);
        _consumed = 2 + length;
        return true;
    }

    private async ValueTask<bool> FillAndReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            MakeRoom();
            int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (_end == _start)
                {
                    return false;
                }

                throw new DnsFormatException($"connection closed inside a message: {_end - _start} octets of a frame were read");
            }

            _end += read;
            if (TryTakeFrame())
            {
                return true;
            }
        }
    }

    /// <summary>Moves the unread bytes to the front and grows the buffer so the whole frame being read fits.</summary>
    private void MakeRoom()
    {
        int available = _end - _start;
        int needed = available >= 2 ? 2 + BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(_start)) : InitialBufferSize;
        if (_buffer.Length < needed)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Min(_buffer.Length * 2, MaxFrameSize)));
            _buffer.AsSpan(_start, available).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, available).CopyTo(_buffer);
        }

        _start = 0;
        _end = available;
    }
}
