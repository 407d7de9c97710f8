namespace Zonal.Service.Tests.Identity;

/// <summary>Raw requests and the exact 401 keystonemiddleware gives (../shared/reference/keystone.md §7).</summary>
public static class KeystoneReplies
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(100) };

    public sealed record Reply(int Status, string Body, string? ContentType, string? WwwAuthenticate);

    public static async Task<Reply> SendAsync(Uri baseAddress, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, path));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        }

        using var response = await Http.SendAsync(request);
        return new Reply(
            (int)response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.WwwAuthenticate.Count > 0 ? string.Join(", ", response.Headers.WwwAuthenticate) : null);
    }

    public static void AssertUnauthorized(Reply reply, Uri wwwAuthenticateUri)
    {
        Assert.True(reply.Status == 401, reply.ToString());
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal($"Keystone uri=\"{wwwAuthenticateUri}\"", reply.WwwAuthenticate);
        Assert.Equal(
            """{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""",
            reply.Body);
    }

}
