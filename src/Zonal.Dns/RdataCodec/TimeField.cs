using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>
/// RRSIG expiration and inception (RFC 4034 §3.2): text is YYYYMMDDHHmmSS in UTC or, for any other
/// length, plain seconds; the wire holds the low 32 bits of the POSIX time.
/// </summary>
internal static class TimeField
{
    private const int DateLength = 14;

    public static void Parse(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output)
    {
        var token = tokens.Next(field);
        if (token.Length != DateLength)
        {
            output.WriteUInt32(IntegerField.ParseDecimal(layout, field, token, uint.MaxValue));
            return;
        }

        foreach (char c in token)
        {
            if (!char.IsAsciiDigit(c))
            {
                throw layout.Error(field, $"'{token}' is not a time (YYYYMMDDHHmmSS or seconds)");
            }
        }

        int year = int.Parse(token[..4], CultureInfo.InvariantCulture);
        int month = int.Parse(token[4..6], CultureInfo.InvariantCulture);
        int day = int.Parse(token[6..8], CultureInfo.InvariantCulture);
        int hour = int.Parse(token[8..10], CultureInfo.InvariantCulture);
        int minute = int.Parse(token[10..12], CultureInfo.InvariantCulture);
        int second = int.Parse(token[12..14], CultureInfo.InvariantCulture);

        // Second 60 is accepted for leap seconds and rolls over, as in BIND.
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60)
        {
            throw layout.Error(field, $"'{token}' is not a valid date and time");
        }

        var midnight = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);
        long seconds = ((midnight - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond) + (hour * 3600) + (minute * 60) + second;
        output.WriteUInt32(unchecked((uint)seconds));
    }

    /// <summary>
    /// Writes the date the 32-bit value stands for: the one within 2^31 seconds of now, by serial
    /// arithmetic, as BIND prints it.
    /// </summary>
    public static void Format(ReadOnlySpan<byte> value, StringBuilder sb)
    {
        uint stamp = BinaryPrimitives.ReadUInt32BigEndian(value);
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        long time = now + unchecked((int)(stamp - (uint)now));
        sb.Append(DateTimeOffset.FromUnixTimeSeconds(time).UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
    }
}
