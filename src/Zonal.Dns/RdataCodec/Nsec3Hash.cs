namespace Zonal.Dns.RdataCodec;

/// <summary>
/// The NSEC3 next hashed owner must be as long as its hash algorithm makes it; BIND checks SHA-1
/// (algorithm 1, 20 octets, RFC 5155 §3.1.7), and so do we. Any hash must fit one owner name label in
/// base32hex (63 characters, so 39 octets), as BIND requires.
/// </summary>
internal static class Nsec3Hash
{
    private const int Sha1 = 1;
    private const int Sha1Length = 20;
    private const int MaxLength = 63 * 5 / 8;

    public static void CheckLength(ReadOnlySpan<byte> data)
    {
        // Algorithm, flags, iterations (2), then the salt with its length octet, then the hash length octet.
        int hashLengthAt = 4 + 1 + data[4];
        int length = data[hashLengthAt];
        if (data[0] == Sha1 && length != Sha1Length)
        {
            throw new DnsFormatException($"NSEC3 next hashed owner name is {length} octets; a SHA-1 hash is {Sha1Length}");
        }

        if (length > MaxLength)
        {
            throw new DnsFormatException($"NSEC3 next hashed owner name is {length} octets; at most {MaxLength} fit in a label");
        }
    }
}
