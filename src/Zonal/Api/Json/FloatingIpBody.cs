using Microsoft.AspNetCore.Http;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Json;

/// <summary>A floating IP as /v2/reverse/floatingips renders it: id is "region:uuid".</summary>
public sealed record FloatingIpBody(
    string Id,
    string? Ptrdname,
    string? Description,
    int? Ttl,
    string Address,
    string Status,
    string Action,
    Dictionary<string, string> Links)
{
    public static FloatingIpBody From(FloatingIpView fip, HttpRequest request)
    {
        var key = $"{fip.Region}:{fip.Id:D}";
        return new(key, fip.PtrdName, fip.Description, fip.Ttl, fip.Address, fip.Status, fip.Action, new() { ["self"] = ApiLinks.FloatingIp(request, key) });
    }
}
