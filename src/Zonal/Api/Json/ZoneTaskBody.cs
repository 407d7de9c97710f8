using Microsoft.AspNetCore.Http;
using Zonal.Domain;
using Zonal.Messaging.Contracts;

namespace Zonal.Api.Json;

/// <summary>A zone import or export as the v2 API renders it, with the links Designate adds once it is done.</summary>
public static class ZoneTaskBody
{
    public static Dictionary<string, object?> From(ZoneTaskView task, HttpRequest request)
    {
        var links = new Dictionary<string, string> { ["self"] = Self(task, request) };
        var body = new Dictionary<string, object?>
        {
            ["id"] = task.Id,
            ["status"] = task.Status,
            ["message"] = task.Message,
            ["zone_id"] = task.ZoneId,
            ["project_id"] = task.ProjectId,
            ["created_at"] = task.CreatedAt,
            ["updated_at"] = task.UpdatedAt,
            ["version"] = task.Version,
        };
        if (task.Kind == ZoneTaskKind.Export)
        {
            body["location"] = task.Location;
            if (task.Location is not null)
            {
                links["export"] = Self(task, request) + "/export";
            }
        }
        else if (task.ZoneId is Guid zoneId)
        {
            links["zone"] = ApiLinks.Zone(request, zoneId);
        }

        body["links"] = links;
        return body;
    }

    public static string Self(ZoneTaskView task, HttpRequest request) =>
        $"{ApiLinks.Base(request)}/v2/zones/tasks/{(task.Kind == ZoneTaskKind.Import ? "imports" : "exports")}/{task.Id}";
}
