using System.Security.Cryptography;

namespace Zonal.Dns.Tests.RdataCodec;

/// <summary>CDS, CDNSKEY, NSEC3 and NSEC3PARAM.</summary>
public class DnssecExtraTypeTests
{
    [Fact]
    public void CdsAndCdnskeyHaveTheWireFormsOfDsAndDnskey()
    {
        const string Ds = "60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118";
        Assert.Equal(Rdata.Parse(RecordType.DS, Ds), Rdata.Parse(RecordType.CDS, Ds));
        const string Key = "257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==";
        Assert.Equal(Rdata.Parse(RecordType.DNSKEY, Key), Rdata.Parse(RecordType.CDNSKEY, Key));
    }

    [Fact]
    public void CdsAndCdnskeyDeleteFormsOfRfc8078AreAccepted()
    {
        Assert.Equal([0, 0, 0, 0, 0], Rdata.Parse(RecordType.CDS, "0 0 0 00"));
        Assert.Equal([0, 0, 3, 0, 0], Rdata.Parse(RecordType.CDNSKEY, "0 3 0 AA=="));
    }

    [Fact]
    public void CdsDigestLengthIsCheckedLikeDs()
    {
        var error = Assert.Throws<DnsFormatException>(() => Rdata.Parse(RecordType.CDS, "1 8 1 0011"));
        Assert.Equal("CDS digest of key tag 1 is 2 octets; a SHA-1 digest is 20", error.Message);
    }

    /// <summary>RFC 5155 Appendix A: the hash of "example" with salt aabbccdd and 12 iterations is 0p9mhaveqvm6t7vbl5lop2u3t2rp3tom.</summary>
    [Fact]
    public void Nsec3NextHashedOwnerIsTheBase32hexOfTheHash()
    {
        byte[] salt = [0xAA, 0xBB, 0xCC, 0xDD];
        byte[] hash = SHA1.HashData([.. DnsName.Parse("example.").Wire, .. salt]);
        for (int i = 0; i < 12; i++)
        {
            hash = SHA1.HashData([.. hash, .. salt]);
        }

        var wire = Rdata.Parse(RecordType.NSEC3, "1 1 12 aabbccdd 0p9mhaveqvm6t7vbl5lop2u3t2rp3tom A");
        byte[] expected = [1, 1, 0, 12, 4, .. salt, 20, .. hash, 0, 1, 0x40];
        Assert.Equal(expected, wire);
        Assert.Equal("1 1 12 AABBCCDD 0P9MHAVEQVM6T7VBL5LOP2U3T2RP3TOM A", Rdata.Format(RecordType.NSEC3, wire));
    }

    /// <summary>RFC 4648 §10 test vectors for base32hex, without the padding NSEC3 leaves out.</summary>
    [Theory]
    [InlineData("CO", "f")]
    [InlineData("CPNG", "fo")]
    [InlineData("CPNMU", "foo")]
    [InlineData("CPNMUOG", "foob")]
    [InlineData("CPNMUOJ1", "fooba")]
    [InlineData("CPNMUOJ1E8", "foobar")]
    public void Nsec3HashDecodesRfc4648Vectors(string base32, string text)
    {
        var wire = Rdata.Parse(RecordType.NSEC3, $"2 0 0 - {base32.ToLowerInvariant()}");
        byte[] expected = [2, 0, 0, 0, 0, (byte)text.Length, .. System.Text.Encoding.ASCII.GetBytes(text)];
        Assert.Equal(expected, wire);
        Assert.Equal($"2 0 0 - {base32}", Rdata.Format(RecordType.NSEC3, wire));
    }

    [Fact]
    public void Nsec3ParamSaltIsLengthPrefixedOrADashForNone()
    {
        Assert.Equal([1, 0, 0, 0, 0], Rdata.Parse(RecordType.NSEC3PARAM, "1 0 0 -"));
        Assert.Equal([1, 1, 0, 10, 3, 0xAA, 0xBB, 0xCC], Rdata.Parse(RecordType.NSEC3PARAM, "1 1 10 aabbcc"));
        Assert.Equal("1 0 0 -", Rdata.Format(RecordType.NSEC3PARAM, [1, 0, 0, 0, 0]));
    }

    [Theory]
    [InlineData(RecordType.NSEC3PARAM, "1 0 0 abc", "NSEC3PARAM salt 'abc' must be '-' or an even number of hex digits for at most 255 octets")]
    [InlineData(RecordType.NSEC3PARAM, "1 0 0 zz", "NSEC3PARAM salt 'zz' is not hexadecimal")]
    [InlineData(RecordType.NSEC3PARAM, "1 0 0 aa bb", "NSEC3PARAM RDATA has extra text 'bb' after the salt")]
    [InlineData(RecordType.NSEC3PARAM, "1 0 0 \"\"", "NSEC3PARAM salt must not be a quoted string (\"\")")]
    [InlineData(RecordType.NSEC3, "1 0 0 -", "NSEC3 RDATA ends before the next hashed owner name")]
    [InlineData(RecordType.NSEC3, "2 0 0 - 01", "NSEC3 next hashed owner name '01' has non-zero bits after its last octet")]
    [InlineData(RecordType.NSEC3, "2 0 0 - 000", "NSEC3 next hashed owner name '000' is not base32hex of 1 to 255 octets")]
    [InlineData(RecordType.NSEC3, "2 0 0 - 0w", "NSEC3 next hashed owner name '0w' holds 'w', which is not a base32hex digit (0-9, A-V)")]
    [InlineData(RecordType.NSEC3, "1 0 0 - 00000000", "NSEC3 next hashed owner name is 5 octets; a SHA-1 hash is 20")]
    [InlineData(RecordType.NSEC3, "2 0 0 - 0000000000000000000000000000000000000000000000000000000000000000", "NSEC3 next hashed owner name is 40 octets; at most 39 fit in a label")]
    [InlineData(RecordType.NSEC3, "2 0 0 - 00 BOGUS", "NSEC3 type bit maps 'BOGUS' is not a record type")]
    public void BadNsec3TextIsRejected(RecordType type, string text, string message)
    {
        var error = Assert.Throws<DnsFormatException>(() => Rdata.Parse(type, text));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Nsec3MayListNoTypes()
    {
        var wire = Rdata.Parse(RecordType.NSEC3, "2 0 0 - CO");
        Assert.Equal([2, 0, 0, 0, 0, 1, (byte)'f'], wire);
        Rdata.Validate(RecordType.NSEC3, wire);
    }

    [Theory]
    [InlineData(new byte[] { 1, 0, 0, 0 })]
    [InlineData(new byte[] { 2, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 2, 0, 0, 0, 0, 2, 1 })]
    [InlineData(new byte[] { 2, 0, 0, 0, 3, 1, 1, 1 })]
    [InlineData(new byte[] { 2, 0, 0, 0, 0, 1, 1, 0, 0 })]
    [InlineData(new byte[] { 1, 0, 0, 0, 0, 1, 1 })]
    public void MalformedNsec3WireIsRejected(byte[] data) =>
        Assert.Throws<DnsFormatException>(() => Rdata.Validate(RecordType.NSEC3, data));
}
