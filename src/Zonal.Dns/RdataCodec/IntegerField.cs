using System.Buffers.Binary;
using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>Unsigned integer fields of 1, 2 or 4 octets, in decimal, with optional mnemonics and TTL units.</summary>
internal static class IntegerField
{
    public static int Size(FieldKind kind) => kind switch
    {
        FieldKind.Number8 => 1,
        FieldKind.Number16 or FieldKind.RecordTypeCode => 2,
        _ => 4,
    };

    public static void Parse(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output)
    {
        var token = tokens.Next(field);
        int size = Size(field.Kind);
        uint max = size switch { 1 => byte.MaxValue, 2 => ushort.MaxValue, _ => uint.MaxValue };
        uint value;
        if (field.Names is not null && field.Names.TryGetValue(token, out int named))
        {
            value = (uint)named;
        }
        else if (field.Kind == FieldKind.Duration)
        {
            if (!TtlText.TryParse(token, out value))
            {
                throw layout.Error(field, $"'{token}' is not a number of seconds or a duration such as 1h30m");
            }
        }
        else
        {
            value = ParseDecimal(layout, field, token, max);
        }

        switch (size)
        {
            case 1:
                output.WriteByte((byte)value);
                break;
            case 2:
                output.WriteUInt16((ushort)value);
                break;
            default:
                output.WriteUInt32(value);
                break;
        }
    }

    /// <summary>Plain decimal digits, as BIND's number tokens: no sign, no hex, no units.</summary>
    public static uint ParseDecimal(RdataLayout layout, Field field, ReadOnlySpan<char> token, uint max)
    {
        if (token.IsEmpty)
        {
            throw layout.Error(field, "is empty");
        }

        ulong value = 0;
        foreach (char c in token)
        {
            if (!char.IsAsciiDigit(c))
            {
                string hint = field.Names is null ? "" : " or a known mnemonic";
                throw layout.Error(field, $"'{token}' is not a number{hint}");
            }

            value = (value * 10) + (uint)(c - '0');
            if (value > max)
            {
                throw layout.Error(field, $"'{token}' is out of range 0..{max}");
            }
        }

        return (uint)value;
    }

    public static uint Read(ReadOnlySpan<byte> value) => value.Length switch
    {
        1 => value[0],
        2 => BinaryPrimitives.ReadUInt16BigEndian(value),
        _ => BinaryPrimitives.ReadUInt32BigEndian(value),
    };

    public static void Format(Field field, ReadOnlySpan<byte> value, StringBuilder sb)
    {
        uint number = Read(value);
        if (field.Names is { Printed: true } && field.Names.NameOf((int)number) is { } name)
        {
            sb.Append(name);
            return;
        }

        sb.Append(number);
    }
}
