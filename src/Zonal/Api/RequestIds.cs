using Microsoft.AspNetCore.Http;

namespace Zonal.Api;

/// <summary>The oslo request id: one per request, in the X-OpenStack-Request-ID header and in error bodies.</summary>
public static class RequestIds
{
    private const string Key = "zonal.request_id";

    public static string Of(HttpContext http)
    {
        if (http.Items[Key] is not string id)
        {
            id = "req-" + Guid.NewGuid().ToString("D");
            http.Items[Key] = id;
        }

        return id;
    }
}
