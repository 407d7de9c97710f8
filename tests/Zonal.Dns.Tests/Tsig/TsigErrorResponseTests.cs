using Zonal.Dns.Messages;
using System.Buffers.Binary;
using Zonal.Dns.Tsig;
using static Zonal.Dns.Tests.Tsig.TsigTestSupport;

namespace Zonal.Dns.Tests.Tsig;

public class TsigErrorResponseTests
{
    private readonly FixedClock _clock = new(Now);

    [Fact]
    public void BadSigAnswerIsUnsignedNotAuth()
    {
        var forged = TsigKey.FromText(Key.Name.ToString(), "hmac-sha256", "d3Jvbmctc2VjcmV0");
        var (request, requestMac) = SignedQuery(forged);
        var answer = Answer(request);

        Assert.Equal(0x1234, BinaryPrimitives.ReadUInt16BigEndian(answer));
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(answer.AsSpan(2));
        Assert.True((flags & 0x8000) != 0);
        Assert.Equal(Rcode.NotAuth, (Rcode)(flags & 0xF));
        var seen = TsigVerifier.VerifyResponse(answer, forged, requestMac, _clock);
        Assert.Equal(TsigError.BadSig, seen.Error);
        Assert.Equal(0, seen.Record!.Value.MacLength);
    }

    [Fact]
    public void BadKeyAnswerNamesTheUnknownKey()
    {
        var stranger = TsigKey.FromText("stranger.example.", "hmac-sha512", Key.SecretBase64);
        var (request, requestMac) = SignedQuery(stranger);
        var seen = TsigVerifier.VerifyResponse(Answer(request), stranger, requestMac, _clock);
        Assert.Equal(TsigError.BadKey, seen.Error);
        Assert.Equal(stranger.Name, seen.Record!.Value.KeyName);
    }

    [Fact]
    public void BadTimeAnswerIsSignedAndCarriesServerTime()
    {
        var (request, requestMac) = SignedQuery(Key);
        _clock.UnixSeconds = Now + 1000;
        var answer = Answer(request);

        // The client, whose clock is the one it signed with, checks the signed BADTIME answer.
        var seen = TsigVerifier.VerifyResponse(answer, Key, requestMac, new FixedClock(Now));
        Assert.Equal(TsigError.BadTime, seen.Error);
        Assert.NotEmpty(seen.Mac);
        var record = seen.Record!.Value;
        Assert.Equal((ulong)Now, record.TimeSigned);
        var otherData = record.OtherData(answer);
        Assert.Equal(6, otherData.Length);
        Assert.Equal((ulong)(Now + 1000), ((ulong)BinaryPrimitives.ReadUInt16BigEndian(otherData) << 32) | BinaryPrimitives.ReadUInt32BigEndian(otherData[2..]));

        answer[^10] ^= 1;
        Assert.Equal(TsigError.BadSig, TsigVerifier.VerifyResponse(answer, Key, requestMac, new FixedClock(Now)).Error);
    }

    [Fact]
    public void BadTruncAnswerIsSigned()
    {
        using var message = Query();
        var requestMac = new TsigSigner(Key, _clock) { MacSize = 20 }.SignRequest(message);
        var answer = Answer(message.WrittenSpan.ToArray());
        var seen = TsigVerifier.VerifyResponse(answer, Key, requestMac, _clock);
        Assert.Equal(TsigError.BadTrunc, seen.Error);
        Assert.Equal(32, seen.Mac.Length);
    }

    [Fact]
    public void MisplacedTsigGetsPlainFormErrWithTheQuestion()
    {
        var (request, _) = SignedQuery(Key);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(6), 1);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(10), 0);
        var answer = Answer(request);
        Assert.Equal(Rcode.FormErr, (Rcode)(BinaryPrimitives.ReadUInt16BigEndian(answer.AsSpan(2)) & 0xF));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16BigEndian(answer.AsSpan(4)));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(answer.AsSpan(10)));
        int offset = 12;
        Assert.Equal(DnsName.Parse("example.org."), DnsName.Read(answer, ref offset));
        Assert.Equal(offset + 4, answer.Length);
    }

    [Fact]
    public void ValidVerificationHasNoErrorAnswer()
    {
        var (request, _) = SignedQuery(Key);
        var valid = new TsigVerifier(new TsigKeyring([Key]), _clock).VerifyRequest(request);
        using var writer = new WireWriter();
        Assert.Throws<ArgumentException>(() => TsigErrorResponse.Write(writer, request, valid, _clock));
    }

    private byte[] Answer(byte[] request)
    {
        var verification = new TsigVerifier(new TsigKeyring([Key]), _clock).VerifyRequest(request);
        using var writer = new WireWriter();
        TsigErrorResponse.Write(writer, request, verification, _clock);
        return writer.WrittenSpan.ToArray();
    }

    private (byte[] Request, byte[] Mac) SignedQuery(TsigKey key)
    {
        using var message = Query();
        var mac = new TsigSigner(key, new FixedClock(Now)).SignRequest(message);
        return (message.WrittenSpan.ToArray(), mac);
    }
}
