using System.Text.Json;
using Zonal.Domain;
using Zonal.Messaging.Contracts;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>Turns stored rows into the views central answers with.</summary>
public static class ViewMapper
{
    /// <param name="shared">Whether the zone has at least one share.</param>
    public static ZoneView ToView(ZoneRow zone, bool shared = false) => new(
        zone.Id,
        zone.PoolId,
        zone.ProjectId,
        zone.Name,
        zone.Email,
        zone.Ttl,
        zone.Serial,
        zone.Status,
        zone.Action,
        zone.Type,
        zone.Description,
        JsonSerializer.Deserialize<List<string>>(zone.Masters) ?? [],
        JsonSerializer.Deserialize<Dictionary<string, string>>(zone.Attributes) ?? [],
        zone.Version,
        zone.CreatedAt,
        zone.UpdatedAt,
        zone.TransferredAt,
        shared);

    /// <summary>
    /// Status is the worst over the records (ERROR, then PENDING); action is CREATE or DELETE when
    /// every record agrees, UPDATE for any other pending mix, NONE when nothing is pending.
    /// </summary>
    public static RecordSetView ToView(RecordSetRow set, string zoneName)
    {
        var records = set.Records;
        string status = records.Any(r => r.Status == Status.Error) ? Status.Error
            : records.Any(r => r.Status == Status.Pending) ? Status.Pending
            : Status.Active;
        string action = records.Count == 0 ? ChangeAction.None
            : records.All(r => r.Action == ChangeAction.Create) ? ChangeAction.Create
            : records.All(r => r.Action == ChangeAction.Delete) ? ChangeAction.Delete
            : records.Any(r => r.Action != ChangeAction.None) ? ChangeAction.Update
            : ChangeAction.None;

        // Records on their way out are still shown when the whole set is being deleted.
        var shown = action == ChangeAction.Delete ? records : records.Where(r => r.Action != ChangeAction.Delete);
        return new RecordSetView(
            set.Id,
            set.ZoneId,
            zoneName,
            set.ProjectId,
            set.Name,
            set.Type,
            shown.OrderBy(r => r.CreatedAt).ThenBy(r => r.Data, StringComparer.Ordinal).Select(r => r.Data).ToList(),
            set.Ttl,
            set.Description,
            status,
            action,
            set.Version,
            set.CreatedAt,
            set.UpdatedAt);
    }
}
