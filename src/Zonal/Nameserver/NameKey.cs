using System.Runtime.CompilerServices;
using Zonal.Dns;

namespace Zonal.Nameserver;

/// <summary>
/// Names as dictionary keys: the wire form with ASCII letters lowered, so a lookup is a plain octet
/// comparison. Lookups probe with a span (a suffix of the query name in a stack buffer) and allocate nothing.
/// </summary>
internal static class NameKey
{
    public static readonly Comparer Instance = new();

    public static byte[] Of(DnsName name)
    {
        var key = name.Wire.ToArray();
        Lower(key);
        return key;
    }

    /// <summary>Copies the name's lowered wire form into <paramref name="buffer"/> and returns its length.</summary>
    public static int Write(DnsName name, Span<byte> buffer)
    {
        var wire = name.Wire;
        wire.CopyTo(buffer);
        Lower(buffer[..wire.Length]);
        return wire.Length;
    }

    /// <summary>Fills <paramref name="starts"/> with the offset of each label (leftmost first) and returns the label count.</summary>
    public static int LabelStarts(ReadOnlySpan<byte> wire, Span<int> starts)
    {
        int pos = 0, count = 0;
        while (wire[pos] != 0)
        {
            starts[count++] = pos;
            pos += wire[pos] + 1;
        }

        starts[count] = pos;
        return count;
    }

    private static void Lower(Span<byte> wire)
    {
        for (int i = 0; i < wire.Length; i++)
        {
            if (wire[i] is >= (byte)'A' and <= (byte)'Z')
            {
                wire[i] |= 0x20;
            }
        }
    }

    internal sealed class Comparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => Hash(obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Hash(ReadOnlySpan<byte> wire)
        {
            var hash = new HashCode();
            hash.AddBytes(wire);
            return hash.ToHashCode();
        }
    }
}
