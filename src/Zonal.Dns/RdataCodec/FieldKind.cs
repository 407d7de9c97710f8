namespace Zonal.Dns.RdataCodec;

/// <summary>The shapes an RDATA field can take; one generic engine handles each shape for every type.</summary>
internal enum FieldKind
{
    /// <summary>One octet, decimal; a mnemonic table may name values.</summary>
    Number8,

    /// <summary>Two octets, decimal; a mnemonic table may name values.</summary>
    Number16,

    /// <summary>Four octets, plain decimal only (SOA serial, RRSIG original TTL).</summary>
    Number32,

    /// <summary>Four octets written as a TTL: seconds or BIND units such as 1h30m (SOA timers).</summary>
    Duration,

    /// <summary>A domain name, uncompressed wire form inside the RDATA.</summary>
    Name,

    Ipv4,

    Ipv6,

    /// <summary>One length-prefixed &lt;character-string&gt; of at most 255 octets.</summary>
    CharacterString,

    /// <summary>A <see cref="CharacterString"/> that must also be a NAPTR substitution expression (RFC 3403 §4.1).</summary>
    NaptrSubstitution,

    /// <summary>One or more &lt;character-string&gt;s up to the end of the RDATA (TXT, SPF).</summary>
    CharacterStrings,

    /// <summary>Base64 up to the end of the RDATA, at least one octet.</summary>
    Base64,

    /// <summary>Hexadecimal up to the end of the RDATA, at least one octet.</summary>
    Hex,

    /// <summary>The NSEC type bit maps (RFC 4034 §4.1.2), at least one type.</summary>
    TypeBitmap,

    /// <summary>The NSEC3 type bit maps: as <see cref="TypeBitmap"/>, but the list may be empty (RFC 5155 §3.2).</summary>
    OptionalTypeBitmap,

    /// <summary>An NSEC3 salt: length octet then octets, text one hex token or '-' for none.</summary>
    Salt,

    /// <summary>The NSEC3 next hashed owner: length octet then the hash, text one base32hex token.</summary>
    Base32Hash,

    /// <summary>Every remaining octet, written as one quoted string that text must quote too (URI target).</summary>
    QuotedText,

    /// <summary>The whole LOC RDATA, version 0 (RFC 1876): 16 octets, text in degrees and metres.</summary>
    Location,

    /// <summary>SVCB and HTTPS parameters to the end of the RDATA (RFC 9460 §2.2), possibly none.</summary>
    SvcParams,

    /// <summary>A record type code, written as its mnemonic (RRSIG type covered).</summary>
    RecordTypeCode,

    /// <summary>An RRSIG time stamp: YYYYMMDDHHmmSS or seconds, 32-bit serial arithmetic (RFC 4034 §3.2).</summary>
    Time,

    /// <summary>A CAA property tag: length-prefixed letters and digits (RFC 8659 §4.1).</summary>
    CaaTag,

    /// <summary>A CAA value: every remaining octet, written as one quoted string.</summary>
    CaaValue,
}
