using System.Text;
using Zonal.Dns.Tsig;

namespace Zonal.Dns.Tests.Tsig;

/// <summary>RFC 4231 §4 test cases for HMAC-SHA-224.</summary>
public class HmacSha224Tests
{
    public static TheoryData<string, byte[], byte[], string> Rfc4231 => new()
    {
        { "1", Repeat(0x0b, 20), Ascii("Hi There"), "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22" },
        { "2", Ascii("Jefe"), Ascii("what do ya want for nothing?"), "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44" },
        { "3", Repeat(0xaa, 20), Repeat(0xdd, 50), "7fb3cb3588c6c1f6ffa9694d7d6ad2649365b0c1f65d69d1ec8333ea" },
        { "4", Enumerable.Range(1, 25).Select(i => (byte)i).ToArray(), Repeat(0xcd, 50), "6c11506874013cac6a2abc1bb382627cec6a90d86efc012de7afec5a" },
        { "6", Repeat(0xaa, 131), Ascii("Test Using Larger Than Block-Size Key - Hash Key First"), "95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e" },
        {
            "7",
            Repeat(0xaa, 131),
            Ascii("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
            "3a854166ac5d9f023f54d517d0b39dbd946770db9c2b95c9f6f565d1"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc4231))]
    public void MatchesRfc4231(string testCase, byte[] key, byte[] data, string expected)
    {
        Assert.NotEmpty(testCase);
        Assert.Equal(expected, Convert.ToHexStringLower(HmacSha224.HashData(key, data)));
    }

    [Fact]
    public void MatchesRfc4231TruncatedCase5()
    {
        var mac = HmacSha224.HashData(Repeat(0x0c, 20), Ascii("Test With Truncation"));
        Assert.Equal("0e2aea68a90c8d37c988bcdb9fca6fa8", Convert.ToHexStringLower(mac.AsSpan(0, 16)));
    }

    [Fact]
    public void CanBeReusedAfterFinish()
    {
        using var hmac = new HmacSha224(Ascii("Jefe"));
        var first = new byte[Sha224.HashSize];
        var second = new byte[Sha224.HashSize];
        hmac.Append(Ascii("what do ya want "));
        hmac.Append(Ascii("for nothing?"));
        hmac.Finish(first);
        hmac.Append(Ascii("what do ya want for nothing?"));
        hmac.Finish(second);
        Assert.Equal("a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44", Convert.ToHexStringLower(first));
        Assert.Equal(first, second);
    }

    private static byte[] Repeat(byte value, int count) => Enumerable.Repeat(value, count).ToArray();

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
