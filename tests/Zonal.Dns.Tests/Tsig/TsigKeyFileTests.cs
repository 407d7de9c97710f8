using Zonal.Dns.Tsig;

namespace Zonal.Dns.Tests.Tsig;

public class TsigKeyFileTests
{
    [Fact]
    public void ReadsSeveralKeysWithComments()
    {
        const string text = """
            # written by tsig-keygen
            key "transfer.example" {
            	algorithm hmac-sha256;
            	secret "c2VjcmV0LXNlY3JldC1zZWNyZXQ=";
            };
            // an older key
            key legacy. { algorithm hmac-md5; /* still used by the old secondary */ secret "b2xk"; };
            key "sha224-key" {
            	secret "c2hhMjI0"; algorithm HMAC-SHA224;
            };
            """;
        var keys = TsigKeyFile.Parse(text);
        Assert.Equal(3, keys.Count);
        Assert.Equal(DnsName.Parse("transfer.example."), keys[0].Name);
        Assert.Same(TsigAlgorithm.HmacSha256, keys[0].Algorithm);
        Assert.Equal("secret-secret-secret"u8.ToArray(), keys[0].Secret.ToArray());
        Assert.Same(TsigAlgorithm.HmacMd5, keys[1].Algorithm);
        Assert.Equal("old"u8.ToArray(), keys[1].Secret.ToArray());
        Assert.Same(TsigAlgorithm.HmacSha224, keys[2].Algorithm);
    }

    [Fact]
    public void FormatsAsTsigKeygenAndReadsBack()
    {
        var key = TsigKey.FromText("a.example.", "hmac-sha512", "c2VjcmV0");
        string text = TsigKeyFile.Format([key]);
        Assert.Equal("key \"a.example\" {\n\talgorithm hmac-sha512;\n\tsecret \"c2VjcmV0\";\n};\n", text);
        var back = Assert.Single(TsigKeyFile.Parse(text));
        Assert.Equal(key.Name, back.Name);
        Assert.Same(key.Algorithm, back.Algorithm);
        Assert.Equal(key.Secret.ToArray(), back.Secret.ToArray());
    }

    [Theory]
    [InlineData("key \"k\" { algorithm hmac-sha256; };", "1:5", "needs both")]
    [InlineData("key \"k\" {\n algorithm hmac-sha3; secret \"AA==\"; };", "2:12", "unknown TSIG algorithm")]
    [InlineData("key \"k\" {\n algorithm hmac-sha256;\n secret \"@@@\"; };", "3:9", "base64")]
    [InlineData("options { };", "1:1", "expected 'key'")]
    [InlineData("key \"k\" { algorithm hmac-sha256; secret \"AA==\" };", "1:48", "expected ';'")]
    [InlineData("key \"k\" { algorithm hmac-sha256; secret \"AA==\"; }", "1:", "file ends")]
    [InlineData("key \"k\" { algorithm hmac-sha256; secret \"AA==; };", "1:", "not closed")]
    [InlineData("/* key \"k\" { }", "1:1", "comment is not closed")]
    [InlineData("key \"k\" { algorithm hmac-sha256; secret \"AA==\"; keyfile x; };", "1:49", "unknown key option")]
    [InlineData("key k { algorithm hmac-md5; secret \"AA==\"; };\nkey K. { algorithm hmac-md5; secret \"AA==\"; };", "2:1", "defined twice")]
    public void ReportsWhereAFileIsWrong(string text, string position, string message)
    {
        var error = Assert.Throws<DnsFormatException>(() => TsigKeyFile.Parse(text, "keys.conf"));
        Assert.Contains($"keys.conf:{position}", error.Message);
        Assert.Contains(message, error.Message);
    }
}
