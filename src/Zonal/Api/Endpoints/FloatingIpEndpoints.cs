using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Zonal.Api.Auth;
using Zonal.Api.Json;
using Zonal.Domain;
using Zonal.Messaging.Contracts.Central;

namespace Zonal.Api.Endpoints;

/// <summary>/v2/reverse/floatingips: the PTRs of the caller's floating IPs (contract §6.10).</summary>
public static partial class FloatingIpEndpoints
{
    private static readonly HashSet<string> PatchKeys = ["ptrdname", "description", "ttl"];

    [GeneratedRegex(@"^(?<region>[A-Za-z0-9.\-_]{1,100}):(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$")]
    private static partial Regex KeyPattern();

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v2/reverse/floatingips", ListAsync);
        app.MapGet("/v2/reverse/floatingips/{key}", ShowAsync);
        app.MapMethods("/v2/reverse/floatingips/{key}", [HttpMethods.Patch], PatchAsync);
    }

    private static async Task ListAsync(HttpContext http)
    {
        var ctx = await ApiRequest.ContextAsync(http);
        var fips = await ApiRequest.Bus(http).CallAsync(new ListFloatingIps(ctx, Caller(http)), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, new Dictionary<string, object>
        {
            ["floatingips"] = fips.Select(f => FloatingIpBody.From(f, http.Request)).ToList(),
            ["links"] = new Dictionary<string, string> { ["self"] = ApiLinks.FloatingIps(http.Request) + http.Request.QueryString },
        });
    }

    private static async Task ShowAsync(HttpContext http)
    {
        var (region, id) = Key(http);
        var ctx = await ApiRequest.ContextAsync(http);
        var fip = await ApiRequest.Bus(http).CallAsync(new GetFloatingIp(ctx, Caller(http), region, id), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 200, FloatingIpBody.From(fip, http.Request));
    }

    /// <summary>A string ptrdname sets the PTR and answers the floating IP; a null one unsets it and answers nothing. Both 202.</summary>
    private static async Task PatchAsync(HttpContext http)
    {
        var (region, id) = Key(http);
        var ctx = await ApiRequest.ContextAsync(http);
        var body = await RequestBody.ReadAsync(http.Request, "FloatingIP", PatchKeys);
        if (!body.Has("ptrdname"))
        {
            throw ServiceError.Schema(new FieldError(["ptrdname"], "'ptrdname' is a required property", "required", new[] { "ptrdname" }));
        }

        var bus = ApiRequest.Bus(http);
        var ptrdname = body.String("ptrdname");
        if (ptrdname is null)
        {
            await bus.CallAsync(new UnsetFloatingIpPtr(ctx, region, id), http.RequestAborted);
            http.Response.StatusCode = 202;
            return;
        }

        var fip = await bus.CallAsync(
            new SetFloatingIpPtr(ctx, Caller(http), region, id, ptrdname, body.String("description"), body.Integer("ttl", 1)), http.RequestAborted);
        await ApiRequest.WriteAsync(http, 202, FloatingIpBody.From(fip, http.Request));
    }

    /// <summary>"region:uuid", else 400 as Designate answers it.</summary>
    private static (string Region, Guid Id) Key(HttpContext http)
    {
        var key = http.Request.RouteValues["key"]?.ToString() ?? "";
        var match = KeyPattern().Match(key);
        return match.Success
            ? (match.Groups["region"].Value, Guid.Parse(match.Groups["id"].Value))
            : throw ServiceError.BadRequest($"Floating IP {key} is not in the format of <region>:<uuid>");
    }

    /// <summary>Central asks the network API with the caller's own token and its catalog (keystone mode), as Designate does.</summary>
    private static NetworkCaller Caller(HttpContext http)
    {
        var token = http.Request.Headers["X-Auth-Token"].ToString();
        return new NetworkCaller(token.Length > 0 ? token : null, http.Features.Get<NetworkCatalog>()?.Endpoints ?? []);
    }
}
