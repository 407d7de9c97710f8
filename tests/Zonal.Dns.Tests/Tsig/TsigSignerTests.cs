using System.Buffers.Binary;
using System.Security.Cryptography;
using Zonal.Dns.Tsig;
using static Zonal.Dns.Tests.Tsig.TsigTestSupport;

namespace Zonal.Dns.Tests.Tsig;

public class TsigSignerTests
{
    [Fact]
    public void RequestMacIsTheHmacOfTheRfcDigestLayout()
    {
        using var message = Query();
        var unsigned = message.WrittenSpan.ToArray();
        var mac = new TsigSigner(Key, new FixedClock(Now)).SignRequest(message);

        // RFC 8945 §4.3.3: message, then key name, class ANY, TTL 0, algorithm, time (48 bits), fudge, error, other len.
        byte[] variables =
        [
            .. DnsName.Parse("transfer.example.").Wire,
            0, 255, 0, 0, 0, 0,
            .. DnsName.Parse("hmac-sha256.").Wire,
            0, 0, .. BigEndian32((uint)Now), 1, 44,
            0, 0, 0, 0,
        ];
        var expected = HMACSHA256.HashData(Key.Secret, [.. unsigned, .. variables]);
        Assert.Equal(expected, mac);
    }

    [Fact]
    public void AppendsTheTsigRecordLastAndCountsIt()
    {
        using var message = Query(additional: 2);
        var mac = new TsigSigner(Key, new FixedClock(Now)) { Fudge = 77 }.SignRequest(message);
        var bytes = message.WrittenSpan;
        Assert.Equal(3, BinaryPrimitives.ReadUInt16BigEndian(bytes[10..]));

        var verification = new TsigVerifier(new TsigKeyring([Key]), new FixedClock(Now)).VerifyRequest(bytes);
        Assert.True(verification.IsValid, verification.Reason);
        var record = verification.Record!.Value;
        Assert.Equal(Key.Name, record.KeyName);
        Assert.Equal(TsigAlgorithm.HmacSha256.Name, record.AlgorithmName);
        Assert.Equal((ulong)Now, record.TimeSigned);
        Assert.Equal(77, record.Fudge);
        Assert.Equal(0x1234, record.OriginalId);
        Assert.Equal(mac, record.Mac(bytes).ToArray());
    }

    [Fact]
    public void ResponseMacCoversTheRequestMac()
    {
        using var request = Query();
        var requestMac = new TsigSigner(Key, new FixedClock(Now)).SignRequest(request);
        using var response = Response(0x1234, 3);
        var unsigned = response.WrittenSpan.ToArray();
        var responseMac = new TsigSigner(Key, new FixedClock(Now)).SignResponse(response, requestMac);

        byte[] prefix = [0, 32, .. requestMac];
        byte[] variables =
        [
            .. DnsName.Parse("transfer.example.").Wire,
            0, 255, 0, 0, 0, 0,
            .. DnsName.Parse("hmac-sha256.").Wire,
            0, 0, .. BigEndian32((uint)Now), 1, 44,
            0, 0, 0, 0,
        ];
        Assert.Equal(HMACSHA256.HashData(Key.Secret, [.. prefix, .. unsigned, .. variables]), responseMac);
    }

    [Fact]
    public void KeyAndAlgorithmNamesAreDigestedInLowerCase()
    {
        var upper = new TsigKey(DnsName.Parse("TRANSFER.Example."), TsigAlgorithm.HmacSha256, Key.Secret);
        using var a = Query();
        using var b = Query();
        var lowerMac = new TsigSigner(Key, new FixedClock(Now)).SignRequest(a);
        var upperMac = new TsigSigner(upper, new FixedClock(Now)).SignRequest(b);
        Assert.Equal(lowerMac, upperMac);
    }

    [Fact]
    public void TruncatesTheMacWhenAsked()
    {
        using var message = Query();
        var full = new TsigSigner(Key, new FixedClock(Now)).SignRequest(Query());
        var cut = new TsigSigner(Key, new FixedClock(Now)) { MacSize = 16 }.SignRequest(message);
        Assert.Equal(full.AsSpan(0, 16).ToArray(), cut);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(33)]
    public void RefusesTruncationOutsideTheRfcBounds(int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TsigSigner(Key) { MacSize = size });

    [Fact]
    public void EveryAlgorithmRoundTrips()
    {
        foreach (var algorithm in TsigAlgorithm.All)
        {
            var key = new TsigKey(DnsName.Parse($"{algorithm.ShortName}.key."), algorithm, RandomNumberGenerator.GetBytes(algorithm.MacSize));
            using var request = Query();
            var requestMac = new TsigSigner(key).SignRequest(request);
            var server = new TsigVerifier(new TsigKeyring([key])).VerifyRequest(request.WrittenSpan);
            Assert.True(server.IsValid, $"{algorithm}: {server.Reason}");

            using var response = Response(0x1234, 2);
            new TsigSigner(key).SignResponse(response, server.Mac);
            var client = TsigVerifier.VerifyResponse(response.WrittenSpan, key, requestMac);
            Assert.True(client.IsValid, $"{algorithm}: {client.Reason}");
        }
    }

    private static byte[] BigEndian32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
