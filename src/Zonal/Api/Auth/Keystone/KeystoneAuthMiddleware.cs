using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Domain.PolicyLanguage;

namespace Zonal.Api.Auth.Keystone;

/// <summary>
/// auth_strategy = keystone: every request but version discovery carries an X-Auth-Token Keystone
/// confirms, else 401 exactly as keystonemiddleware answers (503 when Keystone cannot be asked). The
/// context is built here, before routing, so a privileged modifier the caller may not use is a bare 403.
/// </summary>
public sealed class KeystoneAuthMiddleware(RequestDelegate next, KeystoneTokens tokens, IOptions<ZonalOptions> options, PolicyRules policy, ILogger<KeystoneAuthMiddleware> logger)
{
    private const string UnauthorizedBody =
        """{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""";

    private const string UnavailableBody =
        """{"error": {"code": 503, "title": "Service Unavailable", "message": "The Keystone service is temporarily unavailable."}}""";

    private readonly string _challenge = $"Keystone uri=\"{options.Value.KeystoneAuthToken.EffectiveWwwAuthenticateUri}\"";

    public async Task InvokeAsync(HttpContext http)
    {
        if (IsVersionDiscovery(http.Request))
        {
            await next(http);
            return;
        }

        KeystoneToken? token;
        try
        {
            token = await tokens.AuthenticateAsync(http.Request.Headers["X-Auth-Token"].ToString(), http.RequestAborted);
        }
        catch (KeystoneUnavailableException e)
        {
            logger.LogError("request {RequestId}: {Reason}", RequestIds.Of(http), e.Message);
            await WriteAsync(http, 503, UnavailableBody);
            return;
        }

        if (token is null)
        {
            http.Response.Headers.WWWAuthenticate = _challenge;
            await WriteAsync(http, 401, UnauthorizedBody);
            return;
        }

        var context = ContextModifiers.Apply(Identity(http, token), http.Request);
        if (context.RequestedModifierRules().Any(rule => !policy.Allows(rule, context, PolicyTarget.Owner(context.ProjectId))))
        {
            http.Response.StatusCode = 403;
            return;
        }

        http.Features.Set(context);
        http.Features.Set(new NetworkCatalog(token.NetworkEndpoints));
        await next(http);
    }

    /// <summary>GET / (the versions document) and the health check are open, as in Designate's paste pipeline.</summary>
    private static bool IsVersionDiscovery(HttpRequest request) =>
        request.Path.Value is "/" or "" or "/healthcheck";

    private static RequestContext Identity(HttpContext http, KeystoneToken token) => new()
    {
        RequestId = RequestIds.Of(http),
        UserId = token.UserId,
        ProjectId = token.ProjectId,
        Roles = token.Roles,
        SystemScope = token.SystemScope,
    };

    private static Task WriteAsync(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(body);
    }
}
