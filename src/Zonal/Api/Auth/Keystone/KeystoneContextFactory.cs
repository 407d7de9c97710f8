using Microsoft.AspNetCore.Http;
using Zonal.Domain;

namespace Zonal.Api.Auth.Keystone;

/// <summary>The context <see cref="KeystoneAuthMiddleware"/> built from the confirmed token.</summary>
public sealed class KeystoneContextFactory : IRequestContextFactory
{
    public Task<RequestContext> CreateAsync(HttpContext http) =>
        Task.FromResult(http.Features.Get<RequestContext>()
            ?? throw new InvalidOperationException("keystone auth did not run before the endpoint"));
}
