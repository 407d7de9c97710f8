using System.Buffers;
using System.Buffers.Binary;

namespace Zonal.Dns;

/// <summary>
/// Writes a DNS message into a pooled, growing buffer, compressing names against the ones
/// already written (RFC 1035 §4.1.4). Dispose returns the buffer to the pool.
/// </summary>
public sealed class WireWriter : IDisposable
{
    private const int MaxPointerOffset = 0x3FFF;

    private byte[] _buffer;
    private Dictionary<NameSuffix, int>? _compression;

    public WireWriter(int initialCapacity = 512)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    public int Position { get; set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Position);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, Position);

    /// <summary>Writable view of what has been written, for patching counts and lengths.</summary>
    public Span<byte> WrittenBuffer => _buffer.AsSpan(0, Position);

    /// <summary>Forgets everything written, keeping the buffer, so one writer can serve many messages.</summary>
    public void Reset()
    {
        Position = 0;
        _compression?.Clear();
    }

    /// <summary>Drops the compression entries at or after <paramref name="position"/> (after a rollback).</summary>
    public void Truncate(int position)
    {
        Position = position;
        if (_compression is null)
        {
            return;
        }

        foreach (var (key, offset) in _compression)
        {
            if (offset >= position)
            {
                _compression.Remove(key);
            }
        }
    }

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[Position++] = value;
    }

    public void WriteUInt16(ushort value)
    {
        Ensure(2);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(Position), value);
        Position += 2;
    }

    public void WriteUInt32(uint value)
    {
        Ensure(4);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(Position), value);
        Position += 4;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Position));
        Position += bytes.Length;
    }

    public void PatchUInt16(int position, ushort value) =>
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(position), value);

    /// <summary>Writes a name, pointing at an earlier copy of its longest known suffix when <paramref name="compress"/>.</summary>
    public void WriteName(DnsName name, bool compress = true)
    {
        var wire = name.WireArray;
        if (!compress)
        {
            WriteBytes(wire);
            return;
        }

        _compression ??= new Dictionary<NameSuffix, int>(NameSuffix.Comparer);
        int pos = 0;
        while (wire[pos] != 0)
        {
            var suffix = new NameSuffix(wire, pos);
            if (_compression.TryGetValue(suffix, out int target))
            {
                WriteBytes(wire.AsSpan(0, pos));
                WriteUInt16((ushort)(0xC000 | target));
                return;
            }

            if (Position + pos <= MaxPointerOffset)
            {
                _compression[suffix] = Position + pos;
            }

            pos += wire[pos] + 1;
        }

        WriteBytes(wire);
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Ensure(int count)
    {
        if (Position + count <= _buffer.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, Position + count));
        _buffer.AsSpan(0, Position).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    /// <summary>A suffix of a name's wire form, compared case-insensitively, used as a compression key without copying.</summary>
    private readonly record struct NameSuffix(byte[] Wire, int Offset)
    {
        public static readonly IEqualityComparer<NameSuffix> Comparer = new SuffixComparer();

        private sealed class SuffixComparer : IEqualityComparer<NameSuffix>
        {
            public bool Equals(NameSuffix x, NameSuffix y) =>
                DnsName.EqualsIgnoreCase(x.Wire.AsSpan(x.Offset), y.Wire.AsSpan(y.Offset));

            public int GetHashCode(NameSuffix obj)
            {
                uint hash = 2166136261;
                foreach (byte b in obj.Wire.AsSpan(obj.Offset))
                {
                    hash = (hash ^ DnsName.ToLower(b)) * 16777619;
                }

                return (int)hash;
            }
        }
    }
}
