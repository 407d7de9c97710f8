namespace Zonal.Dns;

/// <summary>
/// RDATA codecs for every supported type: presentation ⇄ uncompressed wire form, message read
/// and write (with name compression where RFC 3597 §4 allows it), validation and comparison.
/// Types without a codec use the RFC 3597 generic form <c>\# LEN HEX</c>.
/// </summary>
public static partial class Rdata
{
    /// <summary>Parses RDATA from presentation tokens; relative names complete with <paramref name="origin"/>.</summary>
    public static byte[] Parse(RecordType type, RdataTokens tokens, DnsName? origin) =>
        throw new NotImplementedException();

    /// <summary>Parses RDATA from one line of presentation text.</summary>
    public static byte[] Parse(RecordType type, string text, DnsName? origin = null)
    {
        var ranges = RdataTokens.Split(text);
        return Parse(type, new RdataTokens(text, ranges), origin);
    }

    /// <summary>Presentation form; names inside are relative to <paramref name="origin"/> when below it.</summary>
    public static string Format(RecordType type, ReadOnlySpan<byte> data, DnsName? origin = null) =>
        throw new NotImplementedException();

    /// <summary>Checks that uncompressed wire RDATA is well formed for its type; throws <see cref="DnsFormatException"/>.</summary>
    public static void Validate(RecordType type, ReadOnlySpan<byte> data) =>
        throw new NotImplementedException();

    /// <summary>Reads <paramref name="length"/> octets of RDATA from a message, decompressing names inside it.</summary>
    public static byte[] Read(RecordType type, ref WireReader reader, int length) =>
        throw new NotImplementedException();

    /// <summary>Writes RDATA into a message, compressing names only for the RFC 1035 types.</summary>
    public static void Write(RecordType type, ReadOnlySpan<byte> data, WireWriter writer) =>
        throw new NotImplementedException();

    /// <summary>Equality of RDATA as DNS sees it: names inside compare case-insensitively.</summary>
    public static bool DataEquals(RecordType type, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        a.SequenceEqual(b);
}
