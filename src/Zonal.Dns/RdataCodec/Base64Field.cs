using System.Buffers;
using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>Base64 data to the end of the RDATA (keys, signatures, certificates).</summary>
internal static class Base64Field
{
    public static void Parse(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output)
    {
        var chars = EncodedText.JoinRemaining(ref tokens, field, out int length);
        try
        {
            var text = chars.AsSpan(0, length);
            int start = output.Length;
            var slot = output.Reserve((length / 4 * 3) + 3);
            if (length % 4 != 0 || !Convert.TryFromBase64Chars(text, slot, out int written) || written == 0)
            {
                throw layout.Error(field, "is not valid base64 (groups of four characters, '=' padding only at the end)");
            }

            output.Shrink(start + written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public static void Format(ReadOnlySpan<byte> value, StringBuilder sb)
    {
        var chars = ArrayPool<char>.Shared.Rent(((value.Length + 2) / 3 * 4) + 4);
        Convert.TryToBase64Chars(value, chars, out int written);
        EncodedText.AppendChunked(chars.AsSpan(0, written), sb);
        ArrayPool<char>.Shared.Return(chars);
    }
}
