using System.Security.Cryptography;
using Zonal.Dns.Tsig;
using static Zonal.Dns.Tests.Tsig.TsigTestSupport;

namespace Zonal.Dns.Tests.Tsig;

public class TsigStreamTests
{
    private readonly FixedClock _clock = new(Now);

    [Theory]
    [InlineData(1, 5, 5)]
    [InlineData(3, 10, 4)]
    [InlineData(100, 250, 4)]
    public void SignedStreamVerifies(int signEvery, int messages, int expectedSigned)
    {
        var (requestMac, stream) = Transfer(signEvery, messages);
        using var verifier = new TsigStreamVerifier(Key, requestMac, _clock);
        int signed = 0;
        foreach (var message in stream)
        {
            var result = verifier.Verify(message);
            Assert.False(result.IsFailure, result.Reason);
            signed += result.IsSigned ? 1 : 0;
        }

        Assert.True(verifier.LastWasSigned);
        Assert.Equal(expectedSigned, signed);
    }

    [Fact]
    public void EveryHundredthMessageIsSignedAtLeast()
    {
        var (_, stream) = Transfer(100, 250);
        var signedAt = stream.Select((m, i) => (Signed: m.Length > 0 && HasTsig(m), i)).Where(x => x.Signed).Select(x => x.i).ToArray();
        Assert.Equal([0, 100, 200, 249], signedAt);
    }

    [Fact]
    public void TamperedUnsignedMessageFailsAtTheNextSignedOne()
    {
        var (requestMac, stream) = Transfer(3, 7);
        stream[1][^1] ^= 1;
        using var verifier = new TsigStreamVerifier(Key, requestMac, _clock);
        Assert.True(verifier.Verify(stream[0]).IsValid);
        Assert.False(verifier.Verify(stream[1]).IsFailure);
        Assert.False(verifier.Verify(stream[2]).IsFailure);
        var result = verifier.Verify(stream[3]);
        Assert.Equal(TsigError.BadSig, result.Error);
        Assert.True(verifier.Verify(stream[4]).IsFailure);
    }

    [Fact]
    public void DroppedMessageIsCaught()
    {
        var (requestMac, stream) = Transfer(3, 7);
        using var verifier = new TsigStreamVerifier(Key, requestMac, _clock);
        Assert.True(verifier.Verify(stream[0]).IsValid);
        Assert.False(verifier.Verify(stream[2]).IsFailure);
        Assert.Equal(TsigError.BadSig, verifier.Verify(stream[3]).Error);
    }

    [Fact]
    public void ReorderedSignedMessagesFail()
    {
        var (requestMac, stream) = Transfer(1, 3);
        using var verifier = new TsigStreamVerifier(Key, requestMac, _clock);
        Assert.True(verifier.Verify(stream[0]).IsValid);
        Assert.Equal(TsigError.BadSig, verifier.Verify(stream[2]).Error);
    }

    [Fact]
    public void LaterMessagesSignOnlyTheTimers()
    {
        var (requestMac, stream) = Transfer(1, 2);
        using var verifier = new TsigStreamVerifier(Key, requestMac, _clock);
        var first = verifier.Verify(stream[0]);
        var second = stream[1];
        var record = TsigRecord.Read(second, FindTsig(second));

        // RFC 8945 §5.3.1: prior MAC with its length, the message without TSIG (ARCOUNT less one), time and fudge.
        byte[] unsigned = [.. second.AsSpan(0, record.Offset)];
        unsigned[11]--;
        byte[] timers = [0, 0, .. BitConverter.GetBytes((uint)Now).Reverse(), 1, 44];
        var expected = HMACSHA256.HashData(Key.Secret, [0, 32, .. first.Mac, .. unsigned, .. timers]);
        Assert.Equal(expected, record.Mac(second).ToArray());
    }

    [Fact]
    public void HundredUnsignedMessagesInARowFail()
    {
        using var request = Query();
        var requestMac = new TsigSigner(Key, _clock).SignRequest(request);
        using var verifier = new TsigStreamVerifier(Key, requestMac, _clock);
        using var first = Response(0x1234, 1);
        new TsigSigner(Key, _clock).SignResponse(first, requestMac);
        Assert.True(verifier.Verify(first.WrittenSpan).IsValid);
        using var unsigned = Response(0x1234, 1);
        for (int i = 1; i <= 99; i++)
        {
            Assert.False(verifier.Verify(unsigned.WrittenSpan).IsFailure, $"message {i}");
            Assert.False(verifier.LastWasSigned);
        }

        Assert.True(verifier.Verify(unsigned.WrittenSpan).IsFailure);
    }

    [Fact]
    public void UnsignedFirstMessageFails()
    {
        using var verifier = new TsigStreamVerifier(Key, new byte[32], _clock);
        using var unsigned = Response(0x1234, 1);
        Assert.True(verifier.Verify(unsigned.WrittenSpan).IsFailure);
    }

    [Fact]
    public void StreamEndingUnsignedIsNotAuthentic()
    {
        var (requestMac, stream) = Transfer(3, 7);
        using var verifier = new TsigStreamVerifier(Key, requestMac, _clock);
        foreach (var message in stream[..^2])
        {
            Assert.False(verifier.Verify(message).IsFailure);
        }

        Assert.False(verifier.LastWasSigned);
    }

    [Fact]
    public void TimeOutsideFudgeInALaterMessageIsBadTime()
    {
        var (requestMac, stream) = Transfer(1, 3);
        using var verifier = new TsigStreamVerifier(Key, requestMac, _clock);
        Assert.True(verifier.Verify(stream[0]).IsValid);
        _clock.UnixSeconds += 301;
        Assert.Equal(TsigError.BadTime, verifier.Verify(stream[1]).Error);
    }

    private (byte[] RequestMac, byte[][] Messages) Transfer(int signEvery, int count)
    {
        using var request = Query();
        var requestMac = new TsigSigner(Key, _clock).SignRequest(request);
        using var signer = new TsigStreamSigner(new TsigSigner(Key, _clock), requestMac) { SignEvery = signEvery };
        var messages = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            using var message = Response(0x1234, 3, seed: i);
            signer.Add(message, isLast: i == count - 1);
            messages[i] = message.WrittenSpan.ToArray();
        }

        return (requestMac, messages);
    }

    private static bool HasTsig(byte[] message) => FindTsig(message) >= 0;

    private static int FindTsig(byte[] message)
    {
        var result = TsigVerifier.VerifyResponse(message, Key, []);
        return result.Record?.Offset ?? -1;
    }
}
