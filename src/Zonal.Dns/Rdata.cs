using System.Text;
using Zonal.Dns.RdataCodec;

namespace Zonal.Dns;

/// <summary>
/// RDATA codecs for every supported type: presentation ⇄ uncompressed wire form, message read
/// and write (with name compression where RFC 3597 §4 allows it), validation and comparison.
/// Types without a codec use the RFC 3597 generic form <c>\# LEN HEX</c>, which every type also accepts.
/// Presentation output is BIND 9.18's (<c>named-checkzone -D</c>), on one line.
/// </summary>
public static partial class Rdata
{
    /// <summary>True when <paramref name="type"/> has a presentation format of its own, not only <c>\# LEN HEX</c>.</summary>
    public static bool HasKnownFormat(RecordType type) => RdataLayouts.Find(type) is not null;

    /// <summary>
    /// Parses RDATA from presentation tokens; relative names complete with <paramref name="origin"/>.
    /// The generic form <c>\# LEN HEX</c> is accepted for every type and checked against the type's layout.
    /// </summary>
    public static byte[] Parse(RecordType type, RdataTokens tokens, DnsName? origin)
    {
        var layout = RdataLayouts.Find(type);
        if (GenericRdata.Applies(tokens))
        {
            var data = GenericRdata.Parse(type, tokens);
            if (layout is not null)
            {
                RdataEngine.Validate(layout, data);
            }

            return data;
        }

        if (layout is null)
        {
            throw new DnsFormatException(
                $"{RecordTypeNames.ToText(type)} has no known text format; write its RDATA as \\# LENGTH HEX (RFC 3597)");
        }

        return RdataEngine.Parse(layout, tokens, origin);
    }

    /// <summary>Parses RDATA from one line of presentation text.</summary>
    public static byte[] Parse(RecordType type, string text, DnsName? origin = null)
    {
        var ranges = RdataTokens.Split(text);
        return Parse(type, new RdataTokens(text, ranges), origin);
    }

    /// <summary>
    /// Presentation form; names inside are relative to <paramref name="origin"/> when below it, absolute
    /// otherwise. Long base64 and hex are split into 56-character chunks as BIND prints them. Malformed
    /// <paramref name="data"/> throws <see cref="DnsFormatException"/>.
    /// </summary>
    public static string Format(RecordType type, ReadOnlySpan<byte> data, DnsName? origin = null)
    {
        var sb = new StringBuilder(data.Length * 2);
        if (RdataLayouts.Find(type) is { } layout)
        {
            RdataEngine.Format(layout, data, sb, origin);
        }
        else
        {
            GenericRdata.Format(data, sb);
        }

        return sb.ToString();
    }

    /// <summary>Checks that uncompressed wire RDATA is well formed for its type; throws <see cref="DnsFormatException"/>.</summary>
    public static void Validate(RecordType type, ReadOnlySpan<byte> data)
    {
        if (RdataLayouts.Find(type) is { } layout)
        {
            RdataEngine.Validate(layout, data);
        }
        else if (data.Length > ushort.MaxValue)
        {
            throw new DnsFormatException($"{RecordTypeNames.ToText(type)} RDATA of {data.Length} octets is longer than {ushort.MaxValue}");
        }
    }

    /// <summary>
    /// Reads <paramref name="length"/> octets of RDATA from a message, decompressing names inside it where the
    /// type allows (RFC 3597 §4), and checks it; the reader ends just after the RDATA.
    /// </summary>
    public static byte[] Read(RecordType type, ref WireReader reader, int length)
    {
        if (RdataLayouts.Find(type) is { } layout)
        {
            return RdataEngine.Read(layout, ref reader, length);
        }

        if (length < 0)
        {
            throw new DnsFormatException($"negative RDATA length {length}");
        }

        return reader.ReadBytes(length).ToArray();
    }

    /// <summary>
    /// Writes the RDATA itself (not RDLENGTH, which the caller patches once it knows the written size),
    /// compressing names only for the RFC 1035 types.
    /// </summary>
    public static void Write(RecordType type, ReadOnlySpan<byte> data, WireWriter writer)
    {
        if (RdataLayouts.Find(type) is { } layout)
        {
            RdataEngine.Write(layout, data, writer);
        }
        else
        {
            writer.WriteBytes(data);
        }
    }

    /// <summary>Equality of RDATA as DNS sees it: names inside compare case-insensitively.</summary>
    public static bool DataEquals(RecordType type, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        RdataLayouts.Find(type) is { } layout ? RdataEngine.DataEquals(layout, a, b) : a.SequenceEqual(b);
}
