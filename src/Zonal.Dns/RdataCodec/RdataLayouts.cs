using System.Collections.Frozen;
using static Zonal.Dns.RdataCodec.FieldKind;

namespace Zonal.Dns.RdataCodec;

/// <summary>The field layout of every record type with a known presentation format.</summary>
internal static class RdataLayouts
{
    private static readonly Mnemonics Algorithms = Mnemonics.DnssecAlgorithms;

    private static readonly FrozenDictionary<RecordType, RdataLayout> ByType = new RdataLayout[]
    {
        new(RecordType.A, NameCompression.None, [new(Ipv4, "address")]),
        new(RecordType.NS, NameCompression.ReadWrite, [new(Name, "name server")]),
        new(RecordType.CNAME, NameCompression.ReadWrite, [new(Name, "target")]),
        new(RecordType.SOA, NameCompression.ReadWrite,
        [
            new(Name, "primary name server"), new(Name, "responsible mailbox"), new(Number32, "serial"),
            new(Duration, "refresh"), new(Duration, "retry"), new(Duration, "expire"), new(Duration, "minimum"),
        ]),
        new(RecordType.PTR, NameCompression.ReadWrite, [new(Name, "target")]),
        new(RecordType.HINFO, NameCompression.None, [new(CharacterString, "CPU"), new(CharacterString, "OS")]),
        new(RecordType.MINFO, NameCompression.ReadWrite, [new(Name, "responsible mailbox"), new(Name, "error mailbox")]),
        new(RecordType.MX, NameCompression.ReadWrite, [new(Number16, "preference"), new(Name, "exchange")]),
        new(RecordType.TXT, NameCompression.None, [new(CharacterStrings, "text")]),
        new(RecordType.RP, NameCompression.ReadOnly, [new(Name, "mailbox"), new(Name, "TXT domain")]),
        new(RecordType.AFSDB, NameCompression.ReadOnly, [new(Number16, "subtype"), new(Name, "hostname")]),
        new(RecordType.AAAA, NameCompression.None, [new(Ipv6, "address")]),
        new(RecordType.LOC, NameCompression.None, [new(Location, "location")]),
        new(RecordType.SRV, NameCompression.ReadOnly,
            [new(Number16, "priority"), new(Number16, "weight"), new(Number16, "port"), new(Name, "target")]),
        new(RecordType.NAPTR, NameCompression.ReadOnly,
        [
            new(Number16, "order"), new(Number16, "preference"), new(CharacterString, "flags"),
            new(CharacterString, "services"), new(NaptrSubstitution, "regexp"), new(Name, "replacement"),
        ]),
        new(RecordType.KX, NameCompression.None, [new(Number16, "preference"), new(Name, "exchanger")]),
        new(RecordType.CERT, NameCompression.None,
        [
            new(Number16, "certificate type", Mnemonics.CertTypes), new(Number16, "key tag"),
            new(Number8, "algorithm", Mnemonics.CertAlgorithms), new(Base64, "certificate"),
        ]),
        new(RecordType.DNAME, NameCompression.ReadOnly, [new(Name, "target")]),
        new(RecordType.DS, NameCompression.None,
        [
            new(Number16, "key tag"), new(Number8, "algorithm", Algorithms),
            new(Number8, "digest type", Mnemonics.DigestTypes), new(Hex, "digest"),
        ], DsDigest.Ds),
        new(RecordType.SSHFP, NameCompression.None,
            [new(Number8, "algorithm"), new(Number8, "fingerprint type"), new(Hex, "fingerprint")]),
        new(RecordType.RRSIG, NameCompression.None,
        [
            new(RecordTypeCode, "type covered"), new(Number8, "algorithm", Algorithms), new(Number8, "labels"),
            new(Number32, "original TTL"), new(Time, "expiration"), new(Time, "inception"), new(Number16, "key tag"),
            new(Name, "signer's name"), new(Base64, "signature"),
        ]),
        new(RecordType.NSEC, NameCompression.None, [new(Name, "next domain name"), new(TypeBitmap, "type bit maps")]),
        new(RecordType.DNSKEY, NameCompression.None,
        [
            new(Number16, "flags"), new(Number8, "protocol"), new(Number8, "algorithm", Algorithms), new(Base64, "public key"),
        ]),
        new(RecordType.NSEC3, NameCompression.None,
        [
            new(Number8, "hash algorithm"), new(Number8, "flags"), new(Number16, "iterations"), new(Salt, "salt"),
            new(Base32Hash, "next hashed owner name"), new(OptionalTypeBitmap, "type bit maps"),
        ], Nsec3Hash.CheckLength),
        new(RecordType.NSEC3PARAM, NameCompression.None,
            [new(Number8, "hash algorithm"), new(Number8, "flags"), new(Number16, "iterations"), new(Salt, "salt")]),
        new(RecordType.TLSA, NameCompression.None,
        [
            new(Number8, "certificate usage"), new(Number8, "selector"), new(Number8, "matching type"),
            new(Hex, "certificate association data"),
        ]),
        new(RecordType.CDS, NameCompression.None,
        [
            new(Number16, "key tag"), new(Number8, "algorithm", Algorithms),
            new(Number8, "digest type", Mnemonics.DigestTypes), new(Hex, "digest"),
        ], DsDigest.Cds),
        new(RecordType.CDNSKEY, NameCompression.None,
        [
            new(Number16, "flags"), new(Number8, "protocol"), new(Number8, "algorithm", Algorithms), new(Base64, "public key"),
        ]),
        new(RecordType.SVCB, NameCompression.None,
            [new(Number16, "priority"), new(Name, "target"), new(SvcParams, "parameters")]),
        new(RecordType.HTTPS, NameCompression.None,
            [new(Number16, "priority"), new(Name, "target"), new(SvcParams, "parameters")]),
        new(RecordType.SPF, NameCompression.None, [new(CharacterStrings, "text")]),
        new(RecordType.URI, NameCompression.None, [new(Number16, "priority"), new(Number16, "weight"), new(QuotedText, "target")]),
        new(RecordType.CAA, NameCompression.None, [new(Number8, "flags"), new(CaaTag, "tag"), new(CaaValue, "value")]),
    }.ToFrozenDictionary(layout => layout.Type);

    public static RdataLayout? Find(RecordType type) => ByType.GetValueOrDefault(type);
}
