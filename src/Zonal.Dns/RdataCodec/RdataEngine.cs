using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>
/// The one generic codec: walks a type's <see cref="RdataLayout"/> field by field to parse, format,
/// validate, read, write and compare its RDATA.
/// </summary>
internal static class RdataEngine
{
    private const int InitialCapacity = 512;

    public static byte[] Parse(RdataLayout layout, RdataTokens tokens, DnsName? origin)
    {
        var output = new RdataBuffer(InitialCapacity);
        try
        {
            var cursor = new TokenCursor(tokens, layout.TypeName);
            foreach (var field in layout.Fields)
            {
                FieldCodec.Parse(layout, field, ref cursor, ref output, origin);
            }

            if (!cursor.AtEnd)
            {
                throw new DnsFormatException(
                    $"{layout.TypeName} RDATA has extra text '{cursor.Peek}' after the {layout.Fields[^1].Label}");
            }

            layout.Check?.Invoke(output.Written);
            return output.ToArray();
        }
        finally
        {
            output.Dispose();
        }
    }

    public static void Format(RdataLayout layout, ReadOnlySpan<byte> data, StringBuilder sb, DnsName? origin)
    {
        int pos = 0;
        foreach (var field in layout.Fields)
        {
            int end = FieldCodec.Measure(layout, field, data, pos);
            if (end == pos && FieldCodec.MayBeEmpty(field.Kind))
            {
                continue;
            }

            if (pos > 0)
            {
                sb.Append(' ');
            }

            FieldCodec.Format(field, data[pos..end], sb, origin);
            pos = end;
        }

        CheckEnd(layout, data, pos);
    }

    public static void Validate(RdataLayout layout, ReadOnlySpan<byte> data)
    {
        if (data.Length > RdataBuffer.MaxLength)
        {
            throw new DnsFormatException($"{layout.TypeName} RDATA of {data.Length} octets is longer than {RdataBuffer.MaxLength}");
        }

        int pos = 0;
        foreach (var field in layout.Fields)
        {
            pos = FieldCodec.Measure(layout, field, data, pos);
        }

        CheckEnd(layout, data, pos);
        layout.Check?.Invoke(data);
    }

    /// <summary>Reads RDATA from a message, following compression pointers in names where the type allows them.</summary>
    public static byte[] Read(RdataLayout layout, ref WireReader reader, int length)
    {
        int start = reader.Position, end = start + length;
        if (length < 0 || end > reader.Message.Length)
        {
            throw new DnsFormatException($"{layout.TypeName} RDATA of {length} octets at offset {start} runs past the end of the message");
        }

        if (layout.Compression == NameCompression.None || !layout.HasNames)
        {
            var plain = reader.ReadBytes(length);
            Validate(layout, plain);
            return plain.ToArray();
        }

        // Offsets stay those of the message so that pointers resolve; the slice ends where the RDATA ends.
        var message = reader.Message[..end];
        var output = new RdataBuffer(InitialCapacity);
        try
        {
            int pos = start;
            foreach (var field in layout.Fields)
            {
                if (field.Kind == FieldKind.Name)
                {
                    if (pos >= end)
                    {
                        throw new DnsFormatException($"{layout.TypeName} RDATA ends before the {field.Label}");
                    }

                    var name = DnsName.Read(message, ref pos);
                    output.Write(name.Wire);
                    continue;
                }

                int next = FieldCodec.Measure(layout, field, message, pos);
                output.Write(message[pos..next]);
                pos = next;
            }

            CheckEnd(layout, message, pos);
            layout.Check?.Invoke(output.Written);
            reader.Position = end;
            return output.ToArray();
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>Writes RDATA into a message, compressing its names only when the type is one of RFC 1035's.</summary>
    public static void Write(RdataLayout layout, ReadOnlySpan<byte> data, WireWriter writer)
    {
        if (layout.Compression != NameCompression.ReadWrite || !layout.HasNames)
        {
            writer.WriteBytes(data);
            return;
        }

        int pos = 0;
        foreach (var field in layout.Fields)
        {
            int end = FieldCodec.Measure(layout, field, data, pos);
            if (field.Kind == FieldKind.Name)
            {
                writer.WriteName(DnsName.FromWire(data[pos..end]));
            }
            else
            {
                writer.WriteBytes(data[pos..end]);
            }

            pos = end;
        }

        CheckEnd(layout, data, pos);
    }

    /// <summary>Field-by-field equality with names compared case-insensitively; malformed data compares by octets.</summary>
    public static bool DataEquals(RdataLayout layout, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (!layout.HasNames || a.Length != b.Length)
        {
            return a.SequenceEqual(b);
        }

        try
        {
            int pos = 0;
            foreach (var field in layout.Fields)
            {
                int endA = FieldCodec.Measure(layout, field, a, pos);
                int endB = FieldCodec.Measure(layout, field, b, pos);
                bool same = endA == endB && (field.Kind == FieldKind.Name
                    ? DnsName.EqualsIgnoreCase(a[pos..endA], b[pos..endB])
                    : a[pos..endA].SequenceEqual(b[pos..endB]));
                if (!same)
                {
                    return false;
                }

                pos = endA;
            }

            return pos == a.Length;
        }
        catch (DnsFormatException)
        {
            return a.SequenceEqual(b);
        }
    }

    private static void CheckEnd(RdataLayout layout, ReadOnlySpan<byte> data, int pos)
    {
        if (pos != data.Length)
        {
            throw new DnsFormatException(
                $"{layout.TypeName} RDATA has {data.Length - pos} octets after the {layout.Fields[^1].Label}");
        }
    }
}
