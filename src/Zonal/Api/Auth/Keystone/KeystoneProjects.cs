using System.Net;
using Microsoft.Extensions.Logging;

namespace Zonal.Api.Auth.Keystone;

/// <summary>
/// Designate's verify_project_id: GET /v3/projects/{id} with the service token. Only a 404 rules the
/// project out; a 403, any other answer or an unreachable Keystone lets the request through.
/// </summary>
public sealed class KeystoneProjects(KeystoneClient keystone, ILogger<KeystoneProjects> logger) : IProjectVerifier
{
    public async Task<bool> MayExistAsync(string projectId, CancellationToken ct)
    {
        try
        {
            return await keystone.ProjectStatusAsync(projectId, ct) != HttpStatusCode.NotFound;
        }
        catch (KeystoneUnavailableException e)
        {
            logger.LogWarning("Could not verify project {ProjectId} in Keystone, accepting it: {Reason}", projectId, e.Message);
            return true;
        }
    }
}
