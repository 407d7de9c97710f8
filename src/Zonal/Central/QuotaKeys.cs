using Zonal.Configuration;

namespace Zonal.Central;

/// <summary>Designate's quota resources and their configured defaults.</summary>
public static class QuotaKeys
{
    public const string Zones = "zones";
    public const string ZoneRecordsets = "zone_recordsets";
    public const string ZoneRecords = "zone_records";
    public const string RecordsetRecords = "recordset_records";
    public const string ApiExportSize = "api_export_size";

    public static readonly IReadOnlyList<string> All = [Zones, ZoneRecordsets, ZoneRecords, RecordsetRecords, ApiExportSize];

    public static Dictionary<string, int> Defaults(QuotaOptions options) => new()
    {
        [Zones] = options.Zones,
        [ZoneRecordsets] = options.ZoneRecordsets,
        [ZoneRecords] = options.ZoneRecords,
        [RecordsetRecords] = options.RecordsetRecords,
        [ApiExportSize] = options.ApiExportSize,
    };
}
