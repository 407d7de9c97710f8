using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api.Admin;

/// <summary>Checks every admin-only resource answers the same way to non-admins, unknown ids and bad ids.</summary>
public static class AdminAssert
{
    /// <summary>Members and readers get 403 on every verb, reads included, even for an id that exists.</summary>
    public static async Task ForbiddenToNonAdminsAsync(ApiHost host, string collection, string existingId, string createBody, string patchBody = """{"description": "x"}""")
    {
        foreach (var role in new[] { "member", "reader" })
        {
            var client = host.Client("p-" + Guid.NewGuid().ToString("N")[..8], role);
            ErrorAssert.Is(await client.GetAsync(collection), 403, "forbidden");
            ErrorAssert.Is(await client.PostAsync(collection, createBody), 403, "forbidden");
            ErrorAssert.Is(await client.GetAsync($"{collection}/{existingId}"), 403, "forbidden");
            ErrorAssert.Is(await client.PatchAsync($"{collection}/{existingId}", patchBody), 403, "forbidden");
            ErrorAssert.Is(await client.DeleteAsync($"{collection}/{existingId}"), 403, "forbidden");
        }
    }

    public static async Task UnknownAndMalformedIdsAsync(ApiClient admin, string collection, string notFoundType, string patchBody)
    {
        var unknown = Guid.NewGuid();
        ErrorAssert.Is(await admin.GetAsync($"{collection}/{unknown}"), 404, notFoundType);
        ErrorAssert.Is(await admin.PatchAsync($"{collection}/{unknown}", patchBody), 404, notFoundType);
        ErrorAssert.Is(await admin.DeleteAsync($"{collection}/{unknown}"), 404, notFoundType);
        ErrorAssert.Is(await admin.GetAsync($"{collection}/not-a-uuid"), 400, "invalid_uuid");
        ErrorAssert.Is(await admin.DeleteAsync($"{collection}/not-a-uuid"), 400, "invalid_uuid");
    }

    /// <summary>Bodies that fail before any field rule: wrong content type, no body, bad JSON, unknown keys.</summary>
    public static async Task BodyErrorsAsync(ApiClient admin, string collection, string validBody)
    {
        ErrorAssert.Is(await admin.PostAsync(collection, validBody, "text/plain"), 415, "unsupported_content_type");
        ErrorAssert.Is(await admin.PostAsync(collection, ""), 400, "empty_request_body");
        ErrorAssert.Is(await admin.PostAsync(collection, "{\"a\": "), 400, "invalid_json");
        var unknown = ErrorAssert.Is(await admin.PostAsync(collection, validBody.TrimEnd('}') + ", \"bogus\": 1}"), 400, "invalid_object");
        Assert.Contains("bogus", unknown.GetProperty("message").GetString());
    }

    /// <summary>Names several rows can share yet no other test uses.</summary>
    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];
}
