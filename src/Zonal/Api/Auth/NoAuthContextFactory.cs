using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Domain;

namespace Zonal.Api.Auth;

/// <summary>
/// Designate's noauth pipeline: whatever project, user and roles the headers claim, with one fixed
/// project and the admin role when they claim none, so several tenants can be tried without Keystone.
/// </summary>
public sealed class NoAuthContextFactory(IOptions<ZonalOptions> options) : IRequestContextFactory
{
    public Task<RequestContext> CreateAsync(HttpContext http)
    {
        var headers = http.Request.Headers;
        var identity = new RequestContext
        {
            RequestId = RequestIds.Of(http),
            UserId = ContextModifiers.First(headers["X-Auth-User-ID"], headers["X-User-Id"]) ?? "noauth-user",
            ProjectId = ContextModifiers.First(headers["X-Auth-Project-ID"], headers["X-Project-Id"]) ?? options.Value.Api.NoAuthProject,
            Roles = (ContextModifiers.First(headers["X-Roles"]) ?? "admin").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        return Task.FromResult(ContextModifiers.Apply(identity, http.Request));
    }
}
