using System.Buffers;
using System.Buffers.Binary;

namespace Zonal.Dns.Messages;

/// <summary>
/// Writes DNS messages to a stream with the 2-octet length prefix of TCP (RFC 1035 §4.2.2). Prefix and
/// message go out in one write so they are not split into two segments.
/// </summary>
public sealed class DnsTcpWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly WireWriter _writer = new(4096);

    public DnsTcpWriter(Stream stream, bool leaveOpen = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Encodes and writes one message, truncated to 65535 octets if it must be.</summary>
    public ValueTask WriteAsync(DnsMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Encode(_writer);
        return WriteFrameAsync(_writer.WrittenMemory, cancellationToken);
    }

    /// <summary>Writes an already encoded (for instance TSIG-signed) message.</summary>
    public async ValueTask WriteFrameAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(message.Length, DnsMessage.MaxSize);
        var frame = ArrayPool<byte>.Shared.Rent(message.Length + 2);
        try
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)message.Length);
            message.Span.CopyTo(frame.AsSpan(2));
            await _stream.WriteAsync(frame.AsMemory(0, message.Length + 2), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken = default) => _stream.FlushAsync(cancellationToken);

    public void Dispose()
    {
        _writer.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
