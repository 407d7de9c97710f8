using Microsoft.AspNetCore.Http;
using Zonal.Messaging.Contracts;

namespace Zonal.Api.Json;

/// <summary>A zone share as the v2 API renders it.</summary>
public sealed record SharedZoneBody(Guid Id, Guid ZoneId, string ProjectId, string TargetProjectId, DateTime CreatedAt, DateTime? UpdatedAt, Dictionary<string, string> Links)
{
    public static SharedZoneBody From(SharedZoneView share, HttpRequest request) => new(
        share.Id,
        share.ZoneId,
        share.ProjectId,
        share.TargetProjectId,
        share.CreatedAt,
        share.UpdatedAt,
        new()
        {
            ["self"] = $"{ApiLinks.Zone(request, share.ZoneId)}/shares/{share.Id}",
            ["zone"] = ApiLinks.Zone(request, share.ZoneId),
        });
}

/// <summary>A zone transfer request; callers central did not give the detail miss the owner, target, key and times.</summary>
public static class TransferRequestBody
{
    public static Dictionary<string, object?> From(TransferRequestView transfer, HttpRequest request)
    {
        var body = new Dictionary<string, object?>
        {
            ["id"] = transfer.Id,
            ["zone_id"] = transfer.ZoneId,
            ["zone_name"] = transfer.ZoneName,
            ["description"] = transfer.Description,
            ["status"] = transfer.Status,
        };
        if (transfer.Detailed)
        {
            body["project_id"] = transfer.ProjectId;
            body["target_project_id"] = transfer.TargetProjectId;
            body["key"] = transfer.Key;
            body["created_at"] = transfer.CreatedAt;
            body["updated_at"] = transfer.UpdatedAt;
        }

        body["links"] = new Dictionary<string, string> { ["self"] = SelfLink(request, transfer.Id) };
        return body;
    }

    public static string SelfLink(HttpRequest request, Guid id) => $"{ApiLinks.Base(request)}/v2/zones/tasks/transfer_requests/{id}";
}

/// <summary>A zone transfer accept as the v2 API renders it.</summary>
public sealed record TransferAcceptBody(
    Guid Id,
    Guid ZoneTransferRequestId,
    Guid ZoneId,
    string ProjectId,
    string Key,
    string Status,
    DateTime CreatedAt,
    DateTime? UpdatedAt,
    Dictionary<string, string> Links) : ILinkedBody
{
    public static TransferAcceptBody From(TransferAcceptView accept, HttpRequest request) => new(
        accept.Id,
        accept.ZoneTransferRequestId,
        accept.ZoneId,
        accept.ProjectId,
        accept.Key,
        accept.Status,
        accept.CreatedAt,
        accept.UpdatedAt,
        new()
        {
            ["self"] = $"{ApiLinks.Base(request)}/v2/zones/tasks/transfer_accepts/{accept.Id}",
            ["zone"] = ApiLinks.Zone(request, accept.ZoneId),
        });
}
