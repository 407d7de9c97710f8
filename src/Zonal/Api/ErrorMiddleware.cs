using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Zonal.Domain;

namespace Zonal.Api;

/// <summary>
/// Every response carries the request id; every failure, including the framework's bare 404/405,
/// leaves as a Designate error body.
/// </summary>
public sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        http.Response.Headers["X-OpenStack-Request-ID"] = RequestIds.Of(http);
        try
        {
            await next(http);
            if (!http.Response.HasStarted && http.Response.ContentLength is null or 0)
            {
                switch (http.Response.StatusCode)
                {
                    // Designate routes an unknown sub-path of a resource to the resource's controller,
                    // which has no POST handler for it.
                    case 404 when HttpMethods.IsPost(http.Request.Method) && http.GetEndpoint() is null
                        && http.Request.Path.StartsWithSegments("/v2/zones") && http.Request.Path.Value!.Count(c => c == '/') > 3:
                        await ErrorBody.WriteAsync(http, 405, "method_not_allowed", "The method is not allowed for this resource.");
                        break;
                    case 404:
                        await ErrorBody.WriteAsync(http, 404, "not_found", "The resource could not be found.");
                        break;
                    case 405:
                        await ErrorBody.WriteAsync(http, 405, "method_not_allowed", "The method is not allowed for this resource.");
                        break;
                }
            }
        }
        catch (ServiceError e) when (!http.Response.HasStarted)
        {
            await ErrorBody.WriteAsync(http, e);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            // Kestrel's own rejections, such as a body over the size limit (413).
            await ErrorBody.WriteAsync(http, e.StatusCode, e.StatusCode == 413 ? "request_too_large" : "bad_request", e.Message);
        }
        catch (TimeoutException) when (!http.Response.HasStarted)
        {
            await ErrorBody.WriteAsync(http, 504, "timeout", null);
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "request {RequestId} failed", RequestIds.Of(http));
            await ErrorBody.WriteAsync(http, 500, "unknown", null);
        }
    }
}
