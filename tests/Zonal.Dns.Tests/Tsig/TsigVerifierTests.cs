using Zonal.Dns.Messages;
using System.Buffers.Binary;
using Zonal.Dns.Tsig;
using static Zonal.Dns.Tests.Tsig.TsigTestSupport;

namespace Zonal.Dns.Tests.Tsig;

public class TsigVerifierTests
{
    private readonly FixedClock _clock = new(Now);

    [Fact]
    public void UnsignedMessageIsNeitherValidNorAFailure()
    {
        using var message = Query();
        var result = Verifier().VerifyRequest(message.WrittenSpan);
        Assert.False(result.IsSigned);
        Assert.False(result.IsValid);
        Assert.False(result.IsFailure);
    }

    [Fact]
    public void UnknownKeyIsBadKey()
    {
        var stranger = TsigKey.FromText("stranger.example.", "hmac-sha256", Key.SecretBase64);
        var result = Verifier().VerifyRequest(Signed(stranger));
        Assert.Equal(TsigError.BadKey, result.Error);
        Assert.Equal(Rcode.NotAuth, result.Rcode);
    }

    [Fact]
    public void SameNameWithAnotherAlgorithmIsBadKey()
    {
        var sha1 = new TsigKey(Key.Name, TsigAlgorithm.HmacSha1, Key.Secret);
        Assert.Equal(TsigError.BadKey, Verifier().VerifyRequest(Signed(sha1)).Error);
    }

    [Fact]
    public void WrongSecretIsBadSig()
    {
        var forged = TsigKey.FromText(Key.Name.ToString(), "hmac-sha256", "d3Jvbmctc2VjcmV0");
        var result = Verifier().VerifyRequest(Signed(forged));
        Assert.Equal(TsigError.BadSig, result.Error);
        Assert.Equal(Rcode.NotAuth, result.Rcode);
    }

    [Fact]
    public void AnyTamperedOctetBeforeTheMacIsCaught()
    {
        var signed = Signed(Key);
        var verifier = Verifier();
        int tsigOffset = verifier.VerifyRequest(signed).Record!.Value.Offset;
        for (int i = 2; i < tsigOffset; i++)
        {
            if (i is 10 or 11)
            {
                continue; // ARCOUNT: changing it moves the TSIG out of place, a different failure.
            }

            var tampered = (byte[])signed.Clone();
            tampered[i] ^= 0x20;
            var result = verifier.VerifyRequest(tampered);
            Assert.False(result.IsValid, $"octet {i} changed but the message still verified");
        }
    }

    [Fact]
    public void TamperedTsigFieldsAreCaught()
    {
        var signed = Signed(Key);
        var verifier = Verifier();
        var record = verifier.VerifyRequest(signed).Record!.Value;

        var mac = (byte[])signed.Clone();
        mac[record.MacOffset] ^= 1;
        Assert.Equal(TsigError.BadSig, verifier.VerifyRequest(mac).Error);

        var time = (byte[])signed.Clone();
        time[record.MacOffset - 5] ^= 1;
        Assert.Equal(TsigError.BadSig, verifier.VerifyRequest(time).Error);
    }

    [Fact]
    public void ForwardedRequestWithNewIdVerifiesThroughOriginalId()
    {
        var signed = Signed(Key);
        BinaryPrimitives.WriteUInt16BigEndian(signed, 0xBEEF);
        Assert.True(Verifier().VerifyRequest(signed).IsValid);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(300, true)]
    [InlineData(-300, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    public void TimeMustBeWithinFudge(int skew, bool valid)
    {
        var signed = Signed(Key);
        _clock.UnixSeconds = Now + skew;
        var result = Verifier().VerifyRequest(signed);
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(TsigError.BadTime, result.Error);
            Assert.Equal(Rcode.NotAuth, result.Rcode);
            Assert.NotEmpty(result.Mac);
        }
    }

    [Fact]
    public void TruncatedMacIsBadTruncUnlessPolicyAllowsIt()
    {
        using var message = Query();
        new TsigSigner(Key, _clock) { MacSize = 16 }.SignRequest(message);
        Assert.Equal(TsigError.BadTrunc, Verifier().VerifyRequest(message.WrittenSpan).Error);

        var lenient = new TsigVerifier(new TsigKeyring([Key]), _clock) { AcceptTruncatedMacs = true };
        var result = lenient.VerifyRequest(message.WrittenSpan);
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(16, result.Mac.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(15)]
    [InlineData(33)]
    public void MacLengthOutsideRfcBoundsIsFormErr(int length)
    {
        using var message = Query();
        TsigSigner.AppendRecord(message, Key.Name, Key.Algorithm.Name, Now, 300, new byte[length], 0x1234, TsigError.NoError, []);
        var result = Verifier().VerifyRequest(message.WrittenSpan);
        Assert.Equal(Rcode.FormErr, result.Rcode);
    }

    [Fact]
    public void TsigThatIsNotLastIsFormErr()
    {
        using var message = Query();
        new TsigSigner(Key, _clock).SignRequest(message);
        message.WriteName(DnsName.Parse("extra.example."));
        message.WriteUInt16((ushort)RecordType.A);
        message.WriteUInt16((ushort)RecordClass.IN);
        message.WriteUInt32(60);
        message.WriteUInt16(4);
        message.WriteBytes([192, 0, 2, 1]);
        ushort additional = BinaryPrimitives.ReadUInt16BigEndian(message.WrittenSpan[10..]);
        message.PatchUInt16(10, (ushort)(additional + 1));

        var result = Verifier().VerifyRequest(message.WrittenSpan);
        Assert.True(result.IsSigned);
        Assert.Equal(Rcode.FormErr, result.Rcode);
    }

    [Fact]
    public void TsigInTheAnswerSectionIsFormErr()
    {
        var signed = Signed(Key);

        // Same records, but counted as an answer instead of an additional record.
        BinaryPrimitives.WriteUInt16BigEndian(signed.AsSpan(6), 1);
        BinaryPrimitives.WriteUInt16BigEndian(signed.AsSpan(10), 0);
        Assert.Equal(Rcode.FormErr, Verifier().VerifyRequest(signed).Rcode);
    }

    [Fact]
    public void CutOffMessagesAreFormErrNotExceptions()
    {
        var signed = Signed(Key);
        var verifier = Verifier();
        for (int length = 0; length < signed.Length; length++)
        {
            var result = verifier.VerifyRequest(signed.AsSpan(0, length));
            Assert.False(result.IsValid);
        }
    }

    [Fact]
    public void ReplayGuardRefusesRequestsOlderThanTheLatestSeen()
    {
        var verifier = new TsigVerifier(new TsigKeyring([Key]), _clock) { RejectOlderThanLastSeen = true };
        var older = Signed(Key);
        _clock.UnixSeconds = Now + 10;
        var newer = Signed(Key);
        Assert.True(verifier.VerifyRequest(newer).IsValid);
        Assert.True(verifier.VerifyRequest(newer).IsValid);
        Assert.Equal(TsigError.BadTime, verifier.VerifyRequest(older).Error);
        Assert.True(Verifier().VerifyRequest(older).IsValid);
    }

    [Fact]
    public void ClientSeesTheServersUnsignedError()
    {
        using var request = Query();
        var requestMac = new TsigSigner(Key, _clock).SignRequest(request);
        using var response = Response(0x1234, 0);
        TsigSigner.AppendRecord(response, Key.Name, Key.Algorithm.Name, Now, 300, [], 0x1234, TsigError.BadSig, []);
        var result = TsigVerifier.VerifyResponse(response.WrittenSpan, Key, requestMac, _clock);
        Assert.Equal(TsigError.BadSig, result.Error);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void ResponseSignedOverAnotherRequestMacIsBadSig()
    {
        using var request = Query();
        var requestMac = new TsigSigner(Key, _clock).SignRequest(request);
        using var response = Response(0x1234, 2);
        var otherMac = (byte[])requestMac.Clone();
        otherMac[0] ^= 1;
        new TsigSigner(Key, _clock).SignResponse(response, otherMac);
        Assert.Equal(TsigError.BadSig, TsigVerifier.VerifyResponse(response.WrittenSpan, Key, requestMac, _clock).Error);
    }

    private TsigVerifier Verifier() => new(new TsigKeyring([Key]), _clock);

    private byte[] Signed(TsigKey key)
    {
        using var message = Query();
        new TsigSigner(key, _clock).SignRequest(message);
        return message.WrittenSpan.ToArray();
    }
}
