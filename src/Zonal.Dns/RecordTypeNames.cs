namespace Zonal.Dns;

/// <summary>Mnemonics of record types, with the RFC 3597 <c>TYPEnnn</c> form for every other value.</summary>
public static class RecordTypeNames
{
    private static readonly Dictionary<string, RecordType> ByName =
        Enum.GetValues<RecordType>().ToDictionary(t => t.ToString(), t => t, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, RecordType>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string ToText(RecordType type) =>
        Enum.IsDefined(type) ? type.ToString() : $"TYPE{(ushort)type}";

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
