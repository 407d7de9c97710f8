namespace Zonal.Dns.RdataCodec;

/// <summary>What a type allows for compression pointers in the names of its RDATA.</summary>
internal enum NameCompression
{
    /// <summary>Names are never compressed (RRSIG, NSEC, and any type newer than RFC 3597).</summary>
    None,

    /// <summary>Compressed names are accepted on read but written in full (RFC 3597 §4: SRV, NAPTR, DNAME).</summary>
    ReadOnly,

    /// <summary>The RFC 1035 types: names are compressed on write and decompressed on read.</summary>
    ReadWrite,
}
