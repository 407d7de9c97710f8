using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>The RFC 3597 §5 generic form of any RDATA: <c>\# LENGTH HEX</c>, the hex split over any tokens.</summary>
internal static class GenericRdata
{
    public const string Marker = @"\#";

    private static readonly Field LengthField = new(FieldKind.Number16, "length of the \\# form");
    private static readonly Field DataField = new(FieldKind.Hex, "data of the \\# form");

    public static bool Applies(RdataTokens tokens) => tokens.Count > 0 && !tokens.IsQuoted(0) && tokens[0] is Marker;

    public static byte[] Parse(RecordType type, RdataTokens tokens)
    {
        var layout = new RdataLayout(type, NameCompression.None, [LengthField, DataField]);
        var cursor = new TokenCursor(tokens.Slice(1), layout.TypeName);
        int length = (int)IntegerField.ParseDecimal(layout, LengthField, cursor.Next(LengthField), ushort.MaxValue);
        if (length == 0)
        {
            if (!cursor.AtEnd)
            {
                throw new DnsFormatException($"{layout.TypeName} RDATA in the \\# form has length 0 but is followed by '{cursor.Peek}'");
            }

            return [];
        }

        var output = new RdataBuffer(256);
        try
        {
            HexField.Parse(layout, DataField, ref cursor, ref output);
            if (output.Length != length)
            {
                throw new DnsFormatException($"{layout.TypeName} RDATA in the \\# form says {length} octets but its hex holds {output.Length}");
            }

            return output.ToArray();
        }
        finally
        {
            output.Dispose();
        }
    }

    public static void Format(ReadOnlySpan<byte> data, StringBuilder sb)
    {
        sb.Append(Marker).Append(' ').Append(data.Length);
        if (data.Length > 0)
        {
            sb.Append(' ');
            HexField.Format(data, sb);
        }
    }
}
