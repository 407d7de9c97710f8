using System.Buffers;
using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>Hexadecimal data to the end of the RDATA (digests, fingerprints, TLSA data); output in upper case.</summary>
internal static class HexField
{
    public static void Parse(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output)
    {
        var chars = EncodedText.JoinRemaining(ref tokens, field, out int length);
        try
        {
            if (length % 2 != 0)
            {
                throw layout.Error(field, $"has an odd number ({length}) of hex digits");
            }

            var text = chars.AsSpan(0, length);
            var slot = output.Reserve(length / 2);
            for (int i = 0; i < slot.Length; i++)
            {
                int high = DigitValue(text[2 * i]), low = DigitValue(text[(2 * i) + 1]);
                if (high < 0 || low < 0)
                {
                    throw layout.Error(field, $"holds '{text[2 * i]}{text[(2 * i) + 1]}', which is not hexadecimal");
                }

                slot[i] = (byte)((high << 4) | low);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Value of one hex digit, or -1.</summary>
    public static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    public static void Format(ReadOnlySpan<byte> value, StringBuilder sb)
    {
        var chars = ArrayPool<char>.Shared.Rent(value.Length * 2);
        Convert.TryToHexString(value, chars, out int written);
        EncodedText.AppendChunked(chars.AsSpan(0, written), sb);
        ArrayPool<char>.Shared.Return(chars);
    }
}
