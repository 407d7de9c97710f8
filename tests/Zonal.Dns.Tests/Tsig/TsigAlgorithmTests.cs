using System.Text;
using Zonal.Dns.Tsig;

namespace Zonal.Dns.Tests.Tsig;

public class TsigAlgorithmTests
{
    [Theory]
    [InlineData("hmac-md5", "hmac-md5.sig-alg.reg.int.", 16)]
    [InlineData("HMAC-MD5.SIG-ALG.REG.INT", "hmac-md5.sig-alg.reg.int.", 16)]
    [InlineData("hmac-sha1", "hmac-sha1.", 20)]
    [InlineData("hmac-sha224.", "hmac-sha224.", 28)]
    [InlineData("hmac-sha256", "hmac-sha256.", 32)]
    [InlineData("hmac-sha384", "hmac-sha384.", 48)]
    [InlineData("hmac-sha512", "hmac-sha512.", 64)]
    public void ParsesBindAndWireNames(string text, string wireName, int macSize)
    {
        var algorithm = TsigAlgorithm.Parse(text);
        Assert.Equal(DnsName.Parse(wireName), algorithm.Name);
        Assert.Equal(macSize, algorithm.MacSize);
        Assert.Same(algorithm, TsigAlgorithm.FromName(DnsName.Parse(wireName.ToUpperInvariant())));
    }

    [Fact]
    public void RejectsUnknownAlgorithms()
    {
        Assert.Throws<DnsFormatException>(() => TsigAlgorithm.Parse("hmac-sha3"));
        Assert.Null(TsigAlgorithm.FromName(DnsName.Parse("gss-tsig.")));
    }

    [Theory]
    [InlineData("hmac-md5", 10)]
    [InlineData("hmac-sha1", 10)]
    [InlineData("hmac-sha224", 14)]
    [InlineData("hmac-sha256", 16)]
    [InlineData("hmac-sha512", 32)]
    public void MinimumMacIsHalfTheHashAndAtLeastTen(string name, int minimum) =>
        Assert.Equal(minimum, TsigAlgorithm.Parse(name).MinimumMacSize);

    /// <summary>RFC 2202 / RFC 4231 "Jefe" vectors through each algorithm's MAC.</summary>
    [Theory]
    [InlineData("hmac-md5", "750c783e6ab0b503eaa86e310a5db738")]
    [InlineData("hmac-sha1", "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")]
    [InlineData("hmac-sha224", "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44")]
    [InlineData("hmac-sha256", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData("hmac-sha384", "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649")]
    [InlineData("hmac-sha512", "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737")]
    public void ComputesKnownMacs(string name, string expected)
    {
        var algorithm = TsigAlgorithm.Parse(name);
        using var hmac = algorithm.CreateHmac(Encoding.ASCII.GetBytes("Jefe"));
        hmac.Append(Encoding.ASCII.GetBytes("what do ya want for nothing?"));
        var mac = new byte[algorithm.MacSize];
        hmac.Finish(mac);
        Assert.Equal(expected, Convert.ToHexStringLower(mac));
    }
}
