using System.Security.Cryptography;

namespace Zonal.Dns.Tsig;

/// <summary>A TSIG MAC algorithm (RFC 8945 §6), named on the wire by a domain name.</summary>
public sealed class TsigAlgorithm
{
    public static readonly TsigAlgorithm HmacMd5 = new("hmac-md5.sig-alg.reg.int.", "hmac-md5", HashAlgorithmName.MD5, 16);
    public static readonly TsigAlgorithm HmacSha1 = new("hmac-sha1.", "hmac-sha1", HashAlgorithmName.SHA1, 20);
    public static readonly TsigAlgorithm HmacSha224 = new("hmac-sha224.", "hmac-sha224", default, Sha224.HashSize);
    public static readonly TsigAlgorithm HmacSha256 = new("hmac-sha256.", "hmac-sha256", HashAlgorithmName.SHA256, 32);
    public static readonly TsigAlgorithm HmacSha384 = new("hmac-sha384.", "hmac-sha384", HashAlgorithmName.SHA384, 48);
    public static readonly TsigAlgorithm HmacSha512 = new("hmac-sha512.", "hmac-sha512", HashAlgorithmName.SHA512, 64);

    public static readonly IReadOnlyList<TsigAlgorithm> All = [HmacMd5, HmacSha1, HmacSha224, HmacSha256, HmacSha384, HmacSha512];

    private readonly HashAlgorithmName _hash;

    private TsigAlgorithm(string wireName, string shortName, HashAlgorithmName hash, int macSize)
    {
        Name = DnsName.Parse(wireName);
        ShortName = shortName;
        _hash = hash;
        MacSize = macSize;
    }

    /// <summary>The algorithm's domain name as carried in the TSIG RDATA.</summary>
    public DnsName Name { get; }

    /// <summary>The name BIND uses in configuration (<c>algorithm hmac-sha256;</c>) and in <c>dig -y</c>.</summary>
    public string ShortName { get; }

    /// <summary>Length of the full MAC in octets.</summary>
    public int MacSize { get; }

    /// <summary>Shortest MAC a signer may truncate to: half the hash, at least 10 octets (RFC 8945 §5.2.2.1).</summary>
    public int MinimumMacSize => Math.Max(10, (MacSize + 1) / 2);

    /// <summary>The algorithm with this wire name, or null when it is not one we implement.</summary>
    public static TsigAlgorithm? FromName(DnsName name)
    {
        foreach (var algorithm in All)
        {
            if (algorithm.Name == name)
            {
                return algorithm;
            }
        }

        return null;
    }

    /// <summary>Accepts the BIND short name (<c>hmac-md5</c>) or the wire name, with or without the final dot.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out TsigAlgorithm algorithm)
    {
        var trimmed = text.TrimEnd('.');
        foreach (var candidate in All)
        {
            if (trimmed.Equals(candidate.ShortName, StringComparison.OrdinalIgnoreCase) ||
                trimmed.Equals(candidate.Name.ToString().AsSpan().TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
            {
                algorithm = candidate;
                return true;
            }
        }

        algorithm = HmacSha256;
        return false;
    }

    public static TsigAlgorithm Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var algorithm)
            ? algorithm
            : throw new DnsFormatException($"unknown TSIG algorithm '{text}'; expected one of {string.Join(", ", All.Select(a => a.ShortName))}");

    internal TsigHmac CreateHmac(ReadOnlySpan<byte> secret) =>
        _hash == default ? new TsigHmac(new HmacSha224(secret)) : new TsigHmac(IncrementalHash.CreateHMAC(_hash, secret));

    public override string ToString() => ShortName;
}
