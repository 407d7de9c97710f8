using System.Buffers.Binary;

namespace Zonal.Dns.RdataCodec;

/// <summary>
/// A DS digest must be as long as its digest type makes it (RFC 4034 §5.1.4, RFC 4509, RFC 6605);
/// BIND checks SHA-1, SHA-256 and SHA-384, and so do we. Other types may have any length.
/// </summary>
internal static class DsDigest
{
    private const int DigestOffset = 4;

    public static readonly RdataCheck Ds = data => CheckLength("DS", data);

    /// <summary>CDS has the DS layout and rule (RFC 7344 §3.1); its delete form uses digest type 0, which is unchecked.</summary>
    public static readonly RdataCheck Cds = data => CheckLength("CDS", data);

    private static void CheckLength(string typeName, ReadOnlySpan<byte> data)
    {
        int type = data[3];
        int expected = type switch
        {
            1 => 20,
            2 => 32,
            4 => 48,
            _ => -1,
        };
        int actual = data.Length - DigestOffset;
        if (expected >= 0 && actual != expected)
        {
            string name = Mnemonics.DigestTypes.NameOf(type) ?? type.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new DnsFormatException(
                $"{typeName} digest of key tag {BinaryPrimitives.ReadUInt16BigEndian(data)} is {actual} octets; a {name} digest is {expected}");
        }
    }
}
