using Zonal.Service.Tests.Infrastructure.Keystone;

namespace Zonal.Service.Tests.Identity;

/// <summary>Tokens that expire: the user's (never trusted past expires_at, even cached) and Zonal's own service token.</summary>
public sealed class KeystoneExpiryTests(ShortLivedKeystoneApiHost host) : IClassFixture<ShortLivedKeystoneApiHost>
{
    private static readonly TimeSpan PastExpiry = TimeSpan.FromSeconds(ShortLivedKeystoneApiHost.TokenSeconds + 1.5);

    [Fact]
    public async Task An_expired_token_is_refused_even_though_it_was_cached()
    {
        var member = await host.Admin.CreateUserAsync("member");
        var token = await host.Admin.TokenAsync(member, at: host.TwinUrl);
        var first = await KeystoneReplies.SendAsync(host.BaseAddress, "/v2/zones", token);
        Assert.True(first.Status == 200, first.ToString());

        await Task.Delay(PastExpiry);

        KeystoneReplies.AssertUnauthorized(await KeystoneReplies.SendAsync(host.BaseAddress, "/v2/zones", token), host.Admin.AuthUrl);
        Assert.Equal(2, host.Keystone.ValidationsOf(token));
    }

    [Fact]
    public async Task An_expired_service_token_is_replaced_before_it_is_used()
    {
        var member = await host.Admin.CreateUserAsync("member");
        var first = await KeystoneReplies.SendAsync(host.BaseAddress, "/v2/zones", await host.Admin.TokenAsync(member));
        Assert.True(first.Status == 200, first.ToString());
        var firstServiceToken = host.Keystone.Calls.Last(c => c.Method == "GET").AuthToken;

        await Task.Delay(PastExpiry);
        var token = await host.Admin.TokenAsync(member);
        var second = await KeystoneReplies.SendAsync(host.BaseAddress, "/v2/zones", token);

        Assert.True(second.Status == 200, second.ToString());
        var validation = Assert.Single(host.Keystone.Calls, c => c.SubjectToken == token);
        Assert.Equal(200, validation.Status);
        Assert.NotEqual(firstServiceToken, validation.AuthToken);
    }
}
