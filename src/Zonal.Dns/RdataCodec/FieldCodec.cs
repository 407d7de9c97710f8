using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>Sends each field to the codec of its kind: parse from text, measure on the wire, format as text.</summary>
internal static class FieldCodec
{
    public static void Parse(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output, DnsName? origin)
    {
        switch (field.Kind)
        {
            case FieldKind.Number8 or FieldKind.Number16 or FieldKind.Number32 or FieldKind.Duration:
                IntegerField.Parse(layout, field, ref tokens, ref output);
                break;
            case FieldKind.RecordTypeCode:
                var token = tokens.Next(field);
                if (!RecordTypeNames.TryParse(token, out var type))
                {
                    throw layout.Error(field, $"'{token}' is not a record type");
                }

                output.WriteUInt16((ushort)type);
                break;
            case FieldKind.Name:
                NameField.Parse(layout, field, ref tokens, ref output, origin);
                break;
            case FieldKind.Ipv4:
                Ipv4Field.Parse(layout, field, ref tokens, ref output);
                break;
            case FieldKind.Ipv6:
                Ipv6Field.Parse(layout, field, ref tokens, ref output);
                break;
            case FieldKind.CharacterString:
                CharacterStringField.Parse(layout, field, ref tokens, ref output);
                break;
            case FieldKind.NaptrSubstitution:
                int start = output.Length;
                CharacterStringField.Parse(layout, field, ref tokens, ref output);
                NaptrRegexp.Check(layout, field, output.Written[(start + 1)..]);
                break;
            case FieldKind.CharacterStrings:
                CharacterStringField.ParseAll(layout, field, ref tokens, ref output);
                break;
            case FieldKind.Base64:
                Base64Field.Parse(layout, field, ref tokens, ref output);
                break;
            case FieldKind.Hex:
                HexField.Parse(layout, field, ref tokens, ref output);
                break;
            case FieldKind.TypeBitmap or FieldKind.OptionalTypeBitmap:
                TypeBitmapField.Parse(layout, field, ref tokens, ref output);
                break;
            case FieldKind.Salt:
                SaltField.Parse(layout, field, ref tokens, ref output);
                break;
            case FieldKind.Base32Hash:
                Base32HexField.Parse(layout, field, ref tokens, ref output);
                break;
            case FieldKind.QuotedText:
                QuotedTextField.Parse(layout, field, ref tokens, ref output);
                break;
            case FieldKind.Location:
                LocField.Parse(layout, ref tokens, ref output);
                break;
            case FieldKind.SvcParams:
                SvcParamsText.Parse(layout, field, ref tokens, ref output);
                break;
            case FieldKind.Time:
                TimeField.Parse(layout, field, ref tokens, ref output);
                break;
            case FieldKind.CaaTag:
                CaaField.ParseTag(layout, field, ref tokens, ref output);
                break;
            case FieldKind.CaaValue:
                CaaField.ParseValue(layout, field, ref tokens, ref output);
                break;
            default:
                throw new InvalidOperationException($"no codec for {field.Kind}");
        }
    }

    /// <summary>Where the field that starts at <paramref name="offset"/> ends; throws when it is malformed.</summary>
    public static int Measure(RdataLayout layout, Field field, ReadOnlySpan<byte> data, int offset)
    {
        switch (field.Kind)
        {
            case FieldKind.Number8 or FieldKind.Number16 or FieldKind.Number32 or FieldKind.Duration or FieldKind.RecordTypeCode or FieldKind.Time:
                return Fixed(layout, field, data, offset, IntegerField.Size(field.Kind is FieldKind.Time ? FieldKind.Number32 : field.Kind));
            case FieldKind.Ipv4:
                return Fixed(layout, field, data, offset, 4);
            case FieldKind.Ipv6:
                return Fixed(layout, field, data, offset, 16);
            case FieldKind.Name:
                return NameField.Measure(layout, field, data, offset);
            case FieldKind.CharacterString or FieldKind.NaptrSubstitution:
                return CharacterStringField.Measure(layout, field, data, offset);
            case FieldKind.CharacterStrings:
                return CharacterStringField.MeasureAll(layout, field, data, offset);
            case FieldKind.Base64 or FieldKind.Hex:
                if (offset >= data.Length)
                {
                    throw new DnsFormatException($"{layout.TypeName} RDATA ends before the {field.Label}");
                }

                return data.Length;
            case FieldKind.TypeBitmap or FieldKind.OptionalTypeBitmap:
                return TypeBitmapField.Measure(layout, field, data, offset);
            case FieldKind.Salt:
                return CharacterStringField.Measure(layout, field, data, offset);
            case FieldKind.Base32Hash:
                return Base32HexField.Measure(layout, field, data, offset);
            case FieldKind.Location:
                return LocField.Measure(layout, field, data, offset);
            case FieldKind.SvcParams:
                return SvcParamsWire.Measure(layout, field, data, offset);
            case FieldKind.CaaTag:
                return CaaField.MeasureTag(layout, field, data, offset);
            case FieldKind.CaaValue or FieldKind.QuotedText:
                return data.Length;
            default:
                throw new InvalidOperationException($"no codec for {field.Kind}");
        }
    }

    public static void Format(Field field, ReadOnlySpan<byte> value, StringBuilder sb, DnsName? origin)
    {
        switch (field.Kind)
        {
            case FieldKind.Number8 or FieldKind.Number16 or FieldKind.Number32 or FieldKind.Duration:
                IntegerField.Format(field, value, sb);
                break;
            case FieldKind.RecordTypeCode:
                sb.Append(RecordTypeNames.ToText((RecordType)IntegerField.Read(value)));
                break;
            case FieldKind.Name:
                NameField.Format(value, sb, origin);
                break;
            case FieldKind.Ipv4:
                Ipv4Field.Format(value, sb);
                break;
            case FieldKind.Ipv6:
                Ipv6Field.Format(value, sb);
                break;
            case FieldKind.CharacterString or FieldKind.NaptrSubstitution or FieldKind.CharacterStrings:
                CharacterStringField.Format(value, sb);
                break;
            case FieldKind.Base64:
                Base64Field.Format(value, sb);
                break;
            case FieldKind.Hex:
                HexField.Format(value, sb);
                break;
            case FieldKind.TypeBitmap or FieldKind.OptionalTypeBitmap:
                TypeBitmapField.Format(value, sb);
                break;
            case FieldKind.Salt:
                SaltField.Format(value, sb);
                break;
            case FieldKind.Base32Hash:
                Base32HexField.Format(value, sb);
                break;
            case FieldKind.Location:
                LocField.Format(value, sb);
                break;
            case FieldKind.SvcParams:
                SvcParamsWire.Format(value, sb);
                break;
            case FieldKind.Time:
                TimeField.Format(value, sb);
                break;
            case FieldKind.CaaTag:
                CaaField.FormatTag(value, sb);
                break;
            case FieldKind.CaaValue or FieldKind.QuotedText:
                CharacterStringField.AppendQuoted(value, sb);
                break;
            default:
                throw new InvalidOperationException($"no codec for {field.Kind}");
        }
    }

    /// <summary>Fields that may hold no octets at all; an empty one is left out of the text with its separator.</summary>
    public static bool MayBeEmpty(FieldKind kind) => kind is FieldKind.OptionalTypeBitmap or FieldKind.SvcParams;

    private static int Fixed(RdataLayout layout, Field field, ReadOnlySpan<byte> data, int offset, int size)
    {
        if (offset + size > data.Length)
        {
            throw new DnsFormatException($"{layout.TypeName} RDATA ends before the {field.Label}");
        }

        return offset + size;
    }
}
