using Zonal.Dns.Messages;
using System.Buffers.Binary;

namespace Zonal.Dns.Tsig;

/// <summary>
/// Builds the answer to a request whose TSIG failed (RFC 8945 §5.2, §5.3.2): the request's header and
/// question with QR set and the RCODE of the verification, then a TSIG record carrying the error.
/// BADKEY and BADSIG answers are unsigned (empty MAC); BADTIME and BADTRUNC answers are signed, and a
/// BADTIME answer carries our clock in Other Data so the client can see the skew.
/// </summary>
public static class TsigErrorResponse
{
    private const ushort QrFlag = 0x8000;
    private const ushort OpcodeAndRdMask = 0x7900;

    public static void Write(WireWriter response, ReadOnlySpan<byte> request, in TsigVerification verification, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (verification.IsValid || !verification.IsSigned)
        {
            throw new ArgumentException("only a failed TSIG verification has an error answer", nameof(verification));
        }

        WriteHeaderAndQuestion(response, request, verification.Rcode);
        if (verification.Record is not { } record || verification.Rcode == Rcode.FormErr)
        {
            // A TSIG that cannot be read or sits in the wrong place gets a plain FORMERR.
            return;
        }

        if (verification.Error is TsigError.BadTime or TsigError.BadTrunc && verification.Key is { } key)
        {
            var signer = new TsigSigner(key, clock) { Fudge = record.Fudge };
            Span<byte> serverTime = stackalloc byte[6];
            var otherData = verification.Error == TsigError.BadTime ? serverTime : [];
            TsigRecord.WriteUInt48(serverTime, signer.Now());
            signer.SignResponse(response, verification.Mac, verification.Error, otherData, record.TimeSigned);
            return;
        }

        ushort id = BinaryPrimitives.ReadUInt16BigEndian(response.WrittenSpan);
        TsigSigner.AppendRecord(response, record.KeyName, record.AlgorithmName, record.TimeSigned, record.Fudge, [], id, verification.Error, []);
    }

    private static void WriteHeaderAndQuestion(WireWriter response, ReadOnlySpan<byte> request, Rcode rcode)
    {
        if (request.Length < TsigMessageLayout.HeaderLength)
        {
            throw new DnsFormatException($"request of {request.Length} octets has no complete header to answer");
        }

        ushort questions = BinaryPrimitives.ReadUInt16BigEndian(request[TsigMessageLayout.QdCountOffset..]);
        int questionsEnd;
        try
        {
            questionsEnd = TsigMessageLayout.QuestionsEnd(request, questions);
        }
        catch (DnsFormatException)
        {
            questions = 0;
            questionsEnd = TsigMessageLayout.HeaderLength;
        }

        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(request[TsigMessageLayout.FlagsOffset..]);
        response.Reset();
        response.WriteUInt16(BinaryPrimitives.ReadUInt16BigEndian(request));
        response.WriteUInt16((ushort)(QrFlag | (flags & OpcodeAndRdMask) | (ushort)rcode));
        response.WriteUInt16(questions);
        response.WriteUInt16(0);
        response.WriteUInt16(0);
        response.WriteUInt16(0);

        // The question is copied as is: any compression pointer in it points into the question itself.
        response.WriteBytes(request[TsigMessageLayout.HeaderLength..questionsEnd]);
    }
}
