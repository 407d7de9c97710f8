using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// Reads a project's quotas and checks writes against them. Checks run inside the writer's
/// transaction after its lock, so counts cannot change between the check and the commit.
/// </summary>
public sealed class QuotaEnforcer(ZonalDbContext db, DatabaseTarget database, IOptions<ZonalOptions> options)
{
    public async Task<Dictionary<string, int>> ForProjectAsync(string projectId, CancellationToken ct)
    {
        var quotas = QuotaKeys.Defaults(options.Value.Quotas);
        foreach (var row in await db.Quotas.AsNoTracking().Where(q => q.ProjectId == projectId).ToListAsync(ct))
        {
            if (quotas.ContainsKey(row.Resource))
            {
                quotas[row.Resource] = row.HardLimit;
            }
        }

        return quotas;
    }

    /// <summary>One more zone for the project.</summary>
    public async Task CheckZoneCreateAsync(string projectId, CancellationToken ct)
    {
        var quotas = await ForProjectAsync(projectId, ct);
        // The trigger-kept count of live zones: the same number as counting them, without the scan.
        var zones = await db.ZoneCounts.Where(c => c.ProjectId == projectId).Select(c => c.Live).FirstOrDefaultAsync(ct);
        Check(quotas, QuotaKeys.Zones, (int)zones + 1);
    }

    /// <summary>A record set of the zone that will hold <paramref name="records"/> records; null id means a new set.</summary>
    public async Task CheckRecordSetAsync(ZoneRow zone, Guid? recordSetId, int records, CancellationToken ct)
    {
        // No name to place: the placement part of the facts looks up nothing.
        var found = await RecordSetWriteFacts.ReadAsync(db, database.Provider, zone, recordSetId, "", "", [], ct);
        CheckRecordSet(found.Quota, recordSetId is null, records);
    }

    public void CheckRecordSet(RecordSetQuotaFacts found, bool newSet, int records)
    {
        var defaults = options.Value.Quotas;
        Check(QuotaKeys.RecordsetRecords, found.RecordsetRecords ?? defaults.RecordsetRecords, records);
        if (newSet)
        {
            Check(QuotaKeys.ZoneRecordsets, found.ZoneRecordsets ?? defaults.ZoneRecordsets, found.Sets + 1);
        }

        Check(QuotaKeys.ZoneRecords, found.ZoneRecords ?? defaults.ZoneRecords, found.Others + records);
    }

    /// <summary>A whole zone's content at once: its record sets, records, and the largest set.</summary>
    public async Task CheckZoneContentAsync(string projectId, int recordSets, int records, int largestSet, CancellationToken ct)
    {
        var quotas = await ForProjectAsync(projectId, ct);
        Check(quotas, QuotaKeys.RecordsetRecords, largestSet);
        Check(quotas, QuotaKeys.ZoneRecordsets, recordSets);
        Check(quotas, QuotaKeys.ZoneRecords, records);
    }

    /// <summary>An export of a zone of <paramref name="recordSets"/> record sets (quota api_export_size).</summary>
    public async Task CheckExportAsync(string projectId, int recordSets, CancellationToken ct) =>
        Check(await ForProjectAsync(projectId, ct), QuotaKeys.ApiExportSize, recordSets);

    private static void Check(Dictionary<string, int> quotas, string resource, int count) => Check(resource, quotas[resource], count);

    private static void Check(string resource, int limit, int count)
    {
        if (limit >= 0 && count > limit)
        {
            throw new ServiceError(413, "over_quota", $"Quota exceeded for {resource}.");
        }
    }
}
