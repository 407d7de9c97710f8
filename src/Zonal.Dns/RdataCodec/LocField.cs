using System.Buffers.Binary;
using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>
/// The whole LOC RDATA (RFC 1876), version 0 only: size and precisions as mantissa and power of ten in
/// centimetres, latitude and longitude as thousandths of an arc-second offset by 2^31, altitude in
/// centimetres above a base 100 000 m below the WGS 84 spheroid. Text is
/// <c>d [m [s.fff]] N|S d [m [s.fff]] E|W alt[m] [size[m] [hp[m] [vp[m]]]]</c>, read and printed as BIND does.
/// </summary>
internal static class LocField
{
    public const int Length = 16;

    private const uint Equator = 1u << 31;
    private const long MillisecondsPerDegree = 3_600_000;
    private const long AltitudeBase = 10_000_000;
    private const long MaxAltitudeCm = uint.MaxValue - AltitudeBase;
    private const ulong MaxPrecisionMetres = 90_000_000;

    /// <summary>Defaults of RFC 1876 §3: 1 m, 10 000 m and 10 m, as mantissa and exponent.</summary>
    private const byte DefaultSize = 0x12, DefaultHorizontal = 0x16, DefaultVertical = 0x13;

    private static readonly Field Latitude = new(FieldKind.Location, "latitude");
    private static readonly Field Longitude = new(FieldKind.Location, "longitude");
    private static readonly Field Altitude = new(FieldKind.Location, "altitude");
    private static readonly Field[] Precisions =
    [
        new(FieldKind.Location, "size"), new(FieldKind.Location, "horizontal precision"),
        new(FieldKind.Location, "vertical precision"),
    ];

    public static void Parse(RdataLayout layout, ref TokenCursor tokens, ref RdataBuffer output)
    {
        uint latitude = ParseCoordinate(layout, Latitude, ref tokens, 90, 'N', 'S');
        uint longitude = ParseCoordinate(layout, Longitude, ref tokens, 180, 'E', 'W');
        uint altitude = ParseAltitude(layout, ref tokens);
        Span<byte> precision = [DefaultSize, DefaultHorizontal, DefaultVertical];
        for (int i = 0; i < precision.Length && !tokens.AtEnd; i++)
        {
            precision[i] = ParsePrecision(layout, Precisions[i], tokens.Next(Precisions[i]));
        }

        output.WriteByte(0);
        output.Write(precision);
        output.WriteUInt32(latitude);
        output.WriteUInt32(longitude);
        output.WriteUInt32(altitude);
    }

    private static uint ParseCoordinate(RdataLayout layout, Field field, ref TokenCursor tokens, int maxDegrees, char positive, char negative)
    {
        long degrees = IntegerField.ParseDecimal(layout, field, tokens.Next(field), (uint)maxDegrees);
        long minutes = 0, milliseconds = 0;
        var token = tokens.Next(field);
        if (!IsHemisphere(token, positive, negative))
        {
            minutes = IntegerField.ParseDecimal(layout, field, token, 59);
            token = tokens.Next(field);
            if (!IsHemisphere(token, positive, negative))
            {
                milliseconds = (long)ParseDecimal(layout, field, token, 3, allowUnit: false, maxWhole: 59);
                token = tokens.Next(field);
            }
        }

        if (!IsHemisphere(token, positive, negative))
        {
            throw layout.Error(field, $"'{token}' is not the hemisphere {positive} or {negative}");
        }

        long value = (degrees * MillisecondsPerDegree) + (minutes * 60_000) + milliseconds;
        if (value > maxDegrees * MillisecondsPerDegree)
        {
            throw layout.Error(field, $"is more than {maxDegrees} degrees");
        }

        return (uint)(token[0] == positive ? Equator + value : Equator - value);
    }

    /// <summary>BIND takes the hemisphere letters in upper case only.</summary>
    private static bool IsHemisphere(ReadOnlySpan<char> token, char positive, char negative) =>
        token.Length == 1 && (token[0] == positive || token[0] == negative);

    private static uint ParseAltitude(RdataLayout layout, ref TokenCursor tokens)
    {
        var token = tokens.Next(Altitude);
        bool below = token.StartsWith("-");
        var digits = below || token.StartsWith("+") ? token[1..] : token;
        long cm = (long)ParseDecimal(layout, Altitude, digits, 2, allowUnit: true, maxWhole: (ulong)MaxAltitudeCm / 100);
        if (below ? cm > AltitudeBase : cm > MaxAltitudeCm)
        {
            throw layout.Error(Altitude, $"'{token}' is out of range -100000.00m..42849672.95m");
        }

        return (uint)(below ? AltitudeBase - cm : AltitudeBase + cm);
    }

    /// <summary>Metres to mantissa and exponent of centimetres, the mantissa truncated as BIND does.</summary>
    private static byte ParsePrecision(RdataLayout layout, Field field, ReadOnlySpan<char> token)
    {
        ulong cm = ParseDecimal(layout, field, token, 2, allowUnit: true, maxWhole: MaxPrecisionMetres);
        int exponent = 0;
        while (cm >= 10)
        {
            cm /= 10;
            exponent++;
        }

        return (byte)((cm << 4) | (uint)exponent);
    }

    /// <summary>
    /// Digits, optionally '.' and up to <paramref name="decimals"/> more digits, optionally the unit 'm';
    /// returns the value scaled by 10^decimals. At least one digit is needed, on either side of the point.
    /// </summary>
    private static ulong ParseDecimal(RdataLayout layout, Field field, ReadOnlySpan<char> token, int decimals, bool allowUnit, ulong maxWhole)
    {
        var text = allowUnit && token.EndsWith("m") ? token[..^1] : token;
        int point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? ReadOnlySpan<char>.Empty : text[(point + 1)..];
        if (whole.Length + fraction.Length == 0 || fraction.Length > decimals
            || whole.ContainsAnyExcept("0123456789") || fraction.ContainsAnyExcept("0123456789"))
        {
            string unit = allowUnit ? "[m]" : "";
            throw layout.Error(field, $"'{token}' is not a number of the form N[.{new string('D', decimals)}]{unit}");
        }

        ulong value = 0;
        foreach (char c in whole)
        {
            value = (value * 10) + (ulong)(c - '0');
            if (value > maxWhole)
            {
                throw layout.Error(field, $"'{token}' is out of range; at most {maxWhole}");
            }
        }

        for (int i = 0; i < decimals; i++)
        {
            value = (value * 10) + (ulong)(i < fraction.Length ? fraction[i] - '0' : 0);
        }

        return value;
    }

    public static int Measure(RdataLayout layout, Field field, ReadOnlySpan<byte> data, int offset)
    {
        if (offset >= data.Length || data[offset] != 0)
        {
            throw layout.Error(field, offset >= data.Length ? "is missing" : $"has version {data[offset]}; only version 0 is defined");
        }

        if (data.Length - offset < Length)
        {
            throw layout.Error(field, $"is {data.Length - offset} octets; version 0 is {Length}");
        }

        for (int i = 0; i < Precisions.Length; i++)
        {
            byte value = data[offset + 1 + i];
            if (value != 0 && (value >> 4 is 0 or > 9 || (value & 0x0F) > 9))
            {
                throw layout.Error(Precisions[i], $"octet 0x{value:X2} is not a digit 1-9 and a power of ten 0-9");
            }
        }

        CheckRange(layout, Latitude, BinaryPrimitives.ReadUInt32BigEndian(data[(offset + 4)..]), 90);
        CheckRange(layout, Longitude, BinaryPrimitives.ReadUInt32BigEndian(data[(offset + 8)..]), 180);
        return offset + Length;
    }

    private static void CheckRange(RdataLayout layout, Field field, uint value, long maxDegrees)
    {
        if (Math.Abs((long)value - Equator) > maxDegrees * MillisecondsPerDegree)
        {
            throw layout.Error(field, $"is more than {maxDegrees} degrees from 2^31");
        }
    }

    public static void Format(ReadOnlySpan<byte> value, StringBuilder sb)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        AppendCoordinate(BinaryPrimitives.ReadUInt32BigEndian(value[4..]), 'N', 'S', sb);
        sb.Append(' ');
        AppendCoordinate(BinaryPrimitives.ReadUInt32BigEndian(value[8..]), 'E', 'W', sb);
        long altitude = BinaryPrimitives.ReadUInt32BigEndian(value[12..]) - AltitudeBase;
        sb.Append(invariant, $" {(altitude < 0 ? "-" : "")}{Math.Abs(altitude) / 100}.{Math.Abs(altitude) % 100:D2}m");
        for (int i = 1; i <= 3; i++)
        {
            int mantissa = value[i] >> 4, exponent = value[i] & 0x0F;
            sb.Append(' ');
            if (exponent >= 2)
            {
                // Measure allows a zero mantissa only in the octet 0x00, so the digit is never 0 here.
                sb.Append(mantissa).Append('0', exponent - 2).Append('m');
            }
            else
            {
                sb.Append(invariant, $"0.{mantissa * (exponent == 0 ? 1 : 10):D2}m");
            }
        }
    }

    private static void AppendCoordinate(uint value, char positive, char negative, StringBuilder sb)
    {
        long offset = (long)value - Equator;
        long ms = Math.Abs(offset);
        sb.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"{ms / MillisecondsPerDegree} {ms / 60_000 % 60} {ms / 1000 % 60}.{ms % 1000:D3} {(offset >= 0 ? positive : negative)}");
    }
}
