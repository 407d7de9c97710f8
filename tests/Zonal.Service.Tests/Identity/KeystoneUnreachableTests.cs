using Zonal.Service.Tests.Infrastructure.Keystone;

namespace Zonal.Service.Tests.Identity;

/// <summary>When Keystone cannot be asked the API answers 503, never 401: the token may well be valid.</summary>
public sealed class KeystoneUnreachableTests(UnreachableKeystoneApiHost host) : IClassFixture<UnreachableKeystoneApiHost>
{
    [Fact]
    public async Task A_token_that_cannot_be_checked_is_a_503()
    {
        var member = await host.Admin.CreateUserAsync("member");

        var reply = await KeystoneReplies.SendAsync(host.BaseAddress, "/v2/zones", await host.Admin.TokenAsync(member));

        Assert.True(reply.Status == 503, reply.ToString());
        Assert.Equal(
            """{"error": {"code": 503, "title": "Service Unavailable", "message": "The Keystone service is temporarily unavailable."}}""",
            reply.Body);
    }

    [Fact]
    public async Task A_missing_token_is_still_a_401_without_asking_keystone()
    {
        KeystoneReplies.AssertUnauthorized(await KeystoneReplies.SendAsync(host.BaseAddress, "/v2/zones", null), host.Admin.AuthUrl);
    }
}
