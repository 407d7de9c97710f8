namespace Zonal.Dns;

/// <summary>Mnemonics of record types, with the RFC 3597 <c>TYPEnnn</c> form for every other value.</summary>
public static class RecordTypeNames
{
    /// <summary>IANA types without a codec here, named as BIND 9.18 names them (NSEC bitmaps, RRSIG, TYPE column).</summary>
    private static readonly Dictionary<RecordType, string> OtherNames = new()
    {
        [(RecordType)3] = "MD",
        [(RecordType)4] = "MF",
        [(RecordType)7] = "MB",
        [(RecordType)8] = "MG",
        [(RecordType)9] = "MR",
        [(RecordType)10] = "NULL",
        [(RecordType)11] = "WKS",
        [(RecordType)19] = "X25",
        [(RecordType)20] = "ISDN",
        [(RecordType)21] = "RT",
        [(RecordType)22] = "NSAP",
        [(RecordType)23] = "NSAP-PTR",
        [(RecordType)24] = "SIG",
        [(RecordType)25] = "KEY",
        [(RecordType)26] = "PX",
        [(RecordType)27] = "GPOS",
        [(RecordType)30] = "NXT",
        [(RecordType)31] = "EID",
        [(RecordType)32] = "NIMLOC",
        [(RecordType)34] = "ATMA",
        [(RecordType)38] = "A6",
        [(RecordType)40] = "SINK",
        [(RecordType)42] = "APL",
        [(RecordType)45] = "IPSECKEY",
        [(RecordType)49] = "DHCID",
        [(RecordType)53] = "SMIMEA",
        [(RecordType)55] = "HIP",
        [(RecordType)56] = "NINFO",
        [(RecordType)57] = "RKEY",
        [(RecordType)58] = "TALINK",
        [(RecordType)61] = "OPENPGPKEY",
        [(RecordType)62] = "CSYNC",
        [(RecordType)63] = "ZONEMD",
        [(RecordType)66] = "DSYNC",
        [(RecordType)67] = "HHIT",
        [(RecordType)68] = "BRID",
        [(RecordType)100] = "UINFO",
        [(RecordType)101] = "UID",
        [(RecordType)102] = "GID",
        [(RecordType)103] = "UNSPEC",
        [(RecordType)104] = "NID",
        [(RecordType)105] = "L32",
        [(RecordType)106] = "L64",
        [(RecordType)107] = "LP",
        [(RecordType)108] = "EUI48",
        [(RecordType)109] = "EUI64",
        [(RecordType)253] = "MAILB",
        [(RecordType)254] = "MAILA",
        [(RecordType)258] = "AVC",
        [(RecordType)259] = "DOA",
        [(RecordType)260] = "AMTRELAY",
        [(RecordType)261] = "RESINFO",
        [(RecordType)262] = "WALLET",
        [(RecordType)32768] = "TA",
        [(RecordType)32769] = "DLV",
    };

    private static readonly Dictionary<string, RecordType> ByName =
        Enum.GetValues<RecordType>().Select(t => (Name: t.ToString(), Type: t))
            .Concat(OtherNames.Select(o => (Name: o.Value, Type: o.Key)))
            .ToDictionary(e => e.Name, e => e.Type, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, RecordType>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string ToText(RecordType type) =>
        Enum.IsDefined(type) ? type.ToString() : OtherNames.GetValueOrDefault(type) ?? $"TYPE{(ushort)type}";

    public static bool TryParse(ReadOnlySpan<char> text, out RecordType type)
    {
        if (ByNameSpan.TryGetValue(text, out type))
        {
            return true;
        }

        if (text.Length > 4 && text[..4].Equals("TYPE", StringComparison.OrdinalIgnoreCase)
            && ushort.TryParse(text[4..], System.Globalization.NumberStyles.None, null, out ushort value))
        {
            type = (RecordType)value;
            return true;
        }

        type = default;
        return false;
    }

    public static RecordType Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var type) ? type : throw new DnsFormatException($"unknown record type '{text}'");
}

/// <summary>Mnemonics of record classes, with the RFC 3597 <c>CLASSnnn</c> form for every other value.</summary>
public static class RecordClassNames
{
    public static string ToText(RecordClass @class) =>
        Enum.IsDefined(@class) ? @class.ToString() : $"CLASS{(ushort)@class}";

    public static bool TryParse(ReadOnlySpan<char> text, out RecordClass @class)
    {
        @class = default;
        if (text.Equals("IN", StringComparison.OrdinalIgnoreCase))
        {
            @class = RecordClass.IN;
        }
        else if (text.Equals("CH", StringComparison.OrdinalIgnoreCase) || text.Equals("CHAOS", StringComparison.OrdinalIgnoreCase))
        {
            @class = RecordClass.CH;
        }
        else if (text.Equals("HS", StringComparison.OrdinalIgnoreCase))
        {
            @class = RecordClass.HS;
        }
        else if (text.Equals("NONE", StringComparison.OrdinalIgnoreCase))
        {
            @class = RecordClass.NONE;
        }
        else if (text.Equals("ANY", StringComparison.OrdinalIgnoreCase))
        {
            @class = RecordClass.ANY;
        }
        else if (text.Length > 5 && text[..5].Equals("CLASS", StringComparison.OrdinalIgnoreCase)
            && ushort.TryParse(text[5..], System.Globalization.NumberStyles.None, null, out ushort value))
        {
            @class = (RecordClass)value;
        }
        else
        {
            return false;
        }

        return true;
    }
}
