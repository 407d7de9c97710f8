using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>
/// NSEC type bit maps (RFC 4034 §4.1.2): windows in increasing order, each 1 to 32 octets with no trailing
/// zero octet; text is a list of type mnemonics in any order, repeats allowed. At least one type for NSEC,
/// as BIND; NSEC3 may list none (<see cref="FieldKind.OptionalTypeBitmap"/>).
/// </summary>
internal static class TypeBitmapField
{
    private const int WindowBytes = 32;

    public static void Parse(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output)
    {
        Span<byte> bits = stackalloc byte[256 * WindowBytes];
        bits.Clear();
        bool required = field.Kind == FieldKind.TypeBitmap;
        while (required || !tokens.AtEnd)
        {
            required = false;
            var token = tokens.Next(field);
            if (!RecordTypeNames.TryParse(token, out var type))
            {
                throw layout.Error(field, $"'{token}' is not a record type");
            }

            int value = (ushort)type;
            bits[value >> 3] |= (byte)(0x80 >> (value & 7));
        }

        for (int window = 0; window < 256; window++)
        {
            var block = bits.Slice(window * WindowBytes, WindowBytes);
            int used = block.LastIndexOfAnyExcept((byte)0) + 1;
            if (used == 0)
            {
                continue;
            }

            output.WriteByte((byte)window);
            output.WriteByte((byte)used);
            output.Write(block[..used]);
        }
    }

    public static int Measure(RdataLayout layout, Field field, ReadOnlySpan<byte> data, int offset)
    {
        if (offset >= data.Length && field.Kind == FieldKind.TypeBitmap)
        {
            throw layout.Error(field, "is empty; at least one type must be listed");
        }

        int previous = -1;
        while (offset < data.Length)
        {
            if (offset + 2 > data.Length)
            {
                throw layout.Error(field, "ends inside a window header");
            }

            int window = data[offset], length = data[offset + 1];
            if (window <= previous)
            {
                throw layout.Error(field, $"has window {window} after window {previous}; windows must increase");
            }

            if (length is 0 or > WindowBytes)
            {
                throw layout.Error(field, $"window {window} has a bitmap of {length} octets, not 1..{WindowBytes}");
            }

            if (offset + 2 + length > data.Length)
            {
                throw layout.Error(field, $"window {window} runs past the end of the RDATA");
            }

            if (data[offset + 1 + length] == 0)
            {
                throw layout.Error(field, $"window {window} ends with a zero octet, which must be left out");
            }

            previous = window;
            offset += 2 + length;
        }

        return offset;
    }

    public static void Format(ReadOnlySpan<byte> value, StringBuilder sb)
    {
        bool first = true;
        int pos = 0;
        while (pos < value.Length)
        {
            int window = value[pos], length = value[pos + 1];
            for (int i = 0; i < length * 8; i++)
            {
                if ((value[pos + 2 + (i >> 3)] & (0x80 >> (i & 7))) == 0)
                {
                    continue;
                }

                if (!first)
                {
                    sb.Append(' ');
                }

                sb.Append(RecordTypeNames.ToText((RecordType)((window << 8) | i)));
                first = false;
            }

            pos += 2 + length;
        }
    }
}
