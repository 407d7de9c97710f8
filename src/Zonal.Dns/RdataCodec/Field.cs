namespace Zonal.Dns.RdataCodec;

/// <summary>One field of a record type's RDATA: its shape, the words errors use for it, and optional value names.</summary>
internal sealed record Field(FieldKind Kind, string Label, Mnemonics? Names = null);
