using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>Domain names inside RDATA, held uncompressed and absolute.</summary>
internal static class NameField
{
    public static void Parse(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output, DnsName? origin)
    {
        var token = tokens.Next(field);
        if (!DnsName.TryParse(token, origin, out var name, out string error))
        {
            throw layout.Error(field, $"is not a valid name: {error}");
        }

        output.Write(name.Wire);
    }

    /// <summary>End of the uncompressed name starting at <paramref name="offset"/>; a pointer is an error here.</summary>
    public static int Measure(RdataLayout layout, Field field, ReadOnlySpan<byte> data, int offset)
    {
        int pos = offset;
        while (true)
        {
            if (pos >= data.Length)
            {
                throw layout.Error(field, "runs past the end of the RDATA");
            }

            int length = data[pos];
            if (length == 0)
            {
                pos++;
                break;
            }

            if (length > DnsName.MaxLabelLength)
            {
                throw layout.Error(field, length >= 0xC0
                    ? "is compressed, which this type does not allow"
                    : $"has a label of {length} octets or an unknown label type");
            }

            pos += length + 1;
        }

        if (pos - offset > DnsName.MaxLength)
        {
            throw layout.Error(field, $"is {pos - offset} octets long, more than {DnsName.MaxLength}");
        }

        return pos;
    }

    public static void Format(ReadOnlySpan<byte> value, StringBuilder sb, DnsName? origin) =>
        sb.Append(DnsName.FromWire(value).ToString(origin));
}
