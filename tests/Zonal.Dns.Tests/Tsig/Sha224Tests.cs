using System.Text;
using Zonal.Dns.Tsig;

namespace Zonal.Dns.Tests.Tsig;

public class Sha224Tests
{
    [Theory]
    [InlineData("", "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f")]
    [InlineData("abc", "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525")]
    public void HashesFipsVectors(string message, string expected) =>
        Assert.Equal(expected, Convert.ToHexStringLower(Sha224.HashData(Encoding.ASCII.GetBytes(message))));

    [Fact]
    public void HashesAMillionAs()
    {
        var sha = new Sha224();
        var chunk = Enumerable.Repeat((byte)'a', 1000).ToArray();
        for (int i = 0; i < 1000; i++)
        {
            sha.Append(chunk);
        }

        var hash = new byte[Sha224.HashSize];
        sha.Finish(hash);
        Assert.Equal("20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67", Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void SplittingTheInputAnywhereGivesTheSameHash()
    {
        // Lengths around the 55/56/64-octet padding edges are where block handling goes wrong.
        for (int length = 0; length <= 130; length++)
        {
            var data = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
            var whole = Sha224.HashData(data);
            for (int split = 0; split <= length; split += 13)
            {
                var sha = new Sha224();
                sha.Append(data.AsSpan(0, split));
                sha.Append(data.AsSpan(split));
                var hash = new byte[Sha224.HashSize];
                sha.Finish(hash);
                Assert.Equal(whole, hash);
            }
        }
    }
}
