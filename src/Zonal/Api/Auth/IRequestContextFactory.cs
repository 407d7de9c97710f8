using Microsoft.AspNetCore.Http;
using Zonal.Domain;

namespace Zonal.Api.Auth;

/// <summary>
/// Builds the caller's context from a request. noauth now; Keystone token validation will be a
/// second implementation of this one interface.
/// </summary>
public interface IRequestContextFactory
{
    Task<RequestContext> CreateAsync(HttpContext http);
}
