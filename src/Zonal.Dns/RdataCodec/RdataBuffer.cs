using System.Buffers;
using System.Buffers.Binary;

namespace Zonal.Dns.RdataCodec;

/// <summary>
/// Collects RDATA octets while they are parsed or decompressed, in a pooled array that grows when needed.
/// The one heap copy is <see cref="ToArray"/>; <see cref="Dispose"/> returns the array to the pool.
/// </summary>
internal ref struct RdataBuffer
{
    public const int MaxLength = ushort.MaxValue;

    private Span<byte> _span;
    private byte[]? _rented;

    public RdataBuffer(int capacity)
    {
        _rented = ArrayPool<byte>.Shared.Rent(capacity);
        _span = _rented;
        Length = 0;
    }

    public int Length { get; private set; }

    public readonly ReadOnlySpan<byte> Written => _span[..Length];

    public void WriteByte(byte value) => Reserve(1)[0] = value;

    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Reserve(2), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Reserve(4), value);

    public void Write(scoped ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>Makes room for <paramref name="count"/> octets and returns them for the caller to fill.</summary>
    public Span<byte> Reserve(int count)
    {
        if (Length + count > MaxLength)
        {
            throw new DnsFormatException($"RDATA would be longer than {MaxLength} octets");
        }

        if (Length + count > _span.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_span.Length * 2, Length + count));
            _span[..Length].CopyTo(bigger);
            if (_rented is not null)
            {
                ArrayPool<byte>.Shared.Return(_rented);
            }

            _rented = bigger;
            _span = bigger;
        }

        var slot = _span.Slice(Length, count);
        Length += count;
        return slot;
    }

    /// <summary>Overwrites one octet already written, such as a length prefix reserved before its data was known.</summary>
    public readonly void Patch(int position, byte value) => _span[position] = value;

    /// <summary>Sets back the length, to drop what was reserved but not used.</summary>
    public void Shrink(int length) => Length = length;

    public readonly byte[] ToArray() => _span[..Length].ToArray();

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
