using System.Buffers.Binary;
using Zonal.Dns.Messages;

namespace Zonal.DnsServer;

/// <summary>
/// The answer to a request that did not decode: FORMERR with the request's id, opcode and RD and no
/// sections (RFC 1035 §4.1.1), when at least the header is there and it is not itself a response.
/// Anything else gets no answer, so garbage cannot start a loop between two servers.
/// </summary>
internal static class MalformedRequest
{
    private const ushort ResponseFlag = 0x8000;
    private const ushort OpcodeAndRecursionDesired = 0x7900;

    /// <summary>Writes the FORMERR header into <paramref name="answer"/> (12 octets); returns false to drop.</summary>
    public static bool TryWriteFormErr(ReadOnlySpan<byte> request, Span<byte> answer)
    {
        if (request.Length < DnsMessage.HeaderSize)
        {
            return false;
        }

        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(request[2..]);
        if ((flags & ResponseFlag) != 0)
        {
            return false;
        }

        answer[..DnsMessage.HeaderSize].Clear();
        request[..2].CopyTo(answer);
        BinaryPrimitives.WriteUInt16BigEndian(answer[2..], (ushort)(ResponseFlag | (flags & OpcodeAndRecursionDesired) | (ushort)Rcode.FormErr));
        return true;
    }
}
