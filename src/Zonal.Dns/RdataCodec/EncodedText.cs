using System.Buffers;
using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>
/// Shared handling of base64 and hex text that runs to the end of the RDATA: input may be split over any
/// number of tokens; output is split into chunks of 56 characters separated by a space, which is how
/// BIND 9.18 prints these fields on one line (<c>named-checkzone -D</c>, <c>named-compilezone</c>).
/// </summary>
internal static class EncodedText
{
    public const int ChunkLength = 56;

    /// <summary>Joins every remaining token into one pooled buffer; the caller returns it to the pool.</summary>
    public static char[] JoinRemaining(ref TokenCursor tokens, Field field, out int length)
    {
        var buffer = ArrayPool<char>.Shared.Rent(256);
        length = 0;
        do
        {
            var token = tokens.Next(field);
            if (length + token.Length > buffer.Length)
            {
                var bigger = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, length + token.Length));
                buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<char>.Shared.Return(buffer);
                buffer = bigger;
            }

            token.CopyTo(buffer.AsSpan(length));
            length += token.Length;
        }
        while (!tokens.AtEnd);
        return buffer;
    }

    public static void AppendChunked(ReadOnlySpan<char> text, StringBuilder sb)
    {
        for (int i = 0; i < text.Length; i += ChunkLength)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(text.Slice(i, Math.Min(ChunkLength, text.Length - i)));
        }
    }
}
