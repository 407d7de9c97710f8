namespace Zonal.Dns.RdataCodec;

/// <summary>A rule across fields that the field shapes alone cannot state, run on well-formed wire RDATA.</summary>
internal delegate void RdataCheck(ReadOnlySpan<byte> data);

/// <summary>How one record type's RDATA is built: its fields in wire order and its name compression rule.</summary>
internal sealed class RdataLayout
{
    public RdataLayout(RecordType type, NameCompression compression, Field[] fields, RdataCheck? check = null)
    {
        Type = type;
        TypeName = RecordTypeNames.ToText(type);
        Compression = compression;
        Fields = fields;
        Check = check;
        HasNames = fields.Any(f => f.Kind == FieldKind.Name);
    }

    public RecordType Type { get; }

    public string TypeName { get; }

    public NameCompression Compression { get; }

    public Field[] Fields { get; }

    public RdataCheck? Check { get; }

    public bool HasNames { get; }

    public DnsFormatException Error(Field field, string detail) => new($"{TypeName} {field.Label} {detail}");
}
