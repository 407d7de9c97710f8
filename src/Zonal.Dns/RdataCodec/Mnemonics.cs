using System.Collections.Frozen;

namespace Zonal.Dns.RdataCodec;

/// <summary>
/// Names for the values of a numeric field, as BIND spells them. Text may use the name or the number;
/// output uses the name only where BIND prints it (<see cref="Printed"/>).
/// </summary>
internal sealed class Mnemonics
{
    private readonly FrozenDictionary<string, int> _byName;
    private readonly FrozenDictionary<int, string> _byValue;

    private Mnemonics(bool printed, params (int Value, string Name)[] entries)
    {
        Printed = printed;
        _byName = entries.ToFrozenDictionary(e => e.Name, e => e.Value, StringComparer.OrdinalIgnoreCase);
        _byValue = entries.ToFrozenDictionary(e => e.Value, e => e.Name);
    }

    public bool Printed { get; }

    private static readonly (int, string)[] SecurityAlgorithmNames =
    [
        (1, "RSAMD5"), (2, "DH"), (3, "DSA"), (5, "RSASHA1"), (6, "NSEC3DSA"), (7, "NSEC3RSASHA1"),
        (8, "RSASHA256"), (10, "RSASHA512"), (12, "ECCGOST"), (13, "ECDSAP256SHA256"), (14, "ECDSAP384SHA384"),
        (15, "ED25519"), (16, "ED448"), (252, "INDIRECT"), (253, "PRIVATEDNS"), (254, "PRIVATEOID"),
    ];

    /// <summary>DNSSEC algorithms in DS, DNSKEY and RRSIG: BIND reads the names but prints numbers.</summary>
    public static readonly Mnemonics DnssecAlgorithms = new(false, SecurityAlgorithmNames);

    /// <summary>The same algorithms in CERT, where BIND prints the names.</summary>
    public static readonly Mnemonics CertAlgorithms = new(true, SecurityAlgorithmNames);

    public static readonly Mnemonics DigestTypes = new(false, (1, "SHA-1"), (2, "SHA-256"), (3, "GOST"), (4, "SHA-384"));

    /// <summary>CERT certificate types (RFC 4398 §2.1).</summary>
    public static readonly Mnemonics CertTypes = new(
        true,
        (1, "PKIX"), (2, "SPKI"), (3, "PGP"), (4, "IPKIX"), (5, "ISPKI"), (6, "IPGP"), (7, "ACPKIX"), (8, "IACPKIX"),
        (253, "URI"), (254, "OID"));

    public bool TryGetValue(ReadOnlySpan<char> name, out int value) =>
        _byName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out value);

    public string? NameOf(int value) => _byValue.GetValueOrDefault(value);
}
