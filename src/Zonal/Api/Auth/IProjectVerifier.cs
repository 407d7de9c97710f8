namespace Zonal.Api.Auth;

/// <summary>
/// Whether a project named in a request (a share's target) exists, as the identity service sees it.
/// Only a definite "no such project" counts: a verifier that cannot tell answers true.
/// </summary>
public interface IProjectVerifier
{
    Task<bool> MayExistAsync(string projectId, CancellationToken ct);
}

/// <summary>noauth has no identity service to ask, so every project may exist.</summary>
public sealed class UncheckedProjects : IProjectVerifier
{
    public Task<bool> MayExistAsync(string projectId, CancellationToken ct) => Task.FromResult(true);
}
