using Zonal.Service.Tests.Infrastructure;
using Zonal.Service.Tests.Infrastructure.Keystone;

namespace Zonal.Service.Tests.Identity;

/// <summary>auth_strategy = keystone against a real Keystone: which tokens pass, what a rejection looks like, what is cached.</summary>
public sealed class KeystoneAuthTests(KeystoneApiHost host) : IClassFixture<KeystoneApiHost>
{
    [Fact]
    public async Task A_valid_token_acts_for_its_project()
    {
        var member = await host.Admin.CreateUserAsync("member");
        var api = host.WithToken(await host.Admin.TokenAsync(member));

        var created = await api.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName()));
        Assert.True(created.Code == 202, created.ToString());
        Assert.Equal(member.ProjectId, created.Str("project_id"));

        var listed = await api.GetAsync("/v2/zones");
        Assert.True(listed.Code == 200, listed.ToString());
        var zone = Assert.Single(listed.Json.GetProperty("zones").EnumerateArray());
        Assert.Equal(created.Str("id"), zone.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_request_without_a_token_is_refused_as_keystonemiddleware_does()
    {
        var response = await KeystoneReplies.SendAsync(host.BaseAddress, "/v2/zones", token: null);

        KeystoneReplies.AssertUnauthorized(response, host.Admin.AuthUrl);
    }

    [Fact]
    public async Task A_garbage_token_is_refused_and_the_refusal_is_not_cached()
    {
        const string garbage = "gAAAAABnot-a-real-fernet-token";

        KeystoneReplies.AssertUnauthorized(await KeystoneReplies.SendAsync(host.BaseAddress, "/v2/zones", garbage), host.Admin.AuthUrl);
        KeystoneReplies.AssertUnauthorized(await KeystoneReplies.SendAsync(host.BaseAddress, "/v2/zones", garbage), host.Admin.AuthUrl);

        Assert.Equal(2, host.Keystone.ValidationsOf(garbage));
    }

    [Fact]
    public async Task A_revoked_token_is_refused()
    {
        var member = await host.Admin.CreateUserAsync("member");
        var token = await host.Admin.TokenAsync(member);
        await host.Admin.RevokeAsync(token);

        KeystoneReplies.AssertUnauthorized(await KeystoneReplies.SendAsync(host.BaseAddress, "/v2/zones", token), host.Admin.AuthUrl);
        Assert.Equal(1, host.Keystone.ValidationsOf(token));
    }

    [Fact]
    public async Task Version_discovery_needs_no_token()
    {
        var response = await host.WithToken(null).GetAsync("/");

        Assert.True(response.Code == 200, response.ToString());
    }

    [Fact]
    public async Task A_cached_token_is_not_sent_to_keystone_again()
    {
        var reader = await host.Admin.CreateUserAsync("reader");
        var token = await host.Admin.TokenAsync(reader);
        var api = host.WithToken(token);

        for (int i = 0; i < 3; i++)
        {
            var response = await api.GetAsync("/v2/zones");
            Assert.True(response.Code == 200, response.ToString());
        }

        Assert.Equal(1, host.Keystone.ValidationsOf(token));
    }

    [Fact]
    public async Task A_revoked_service_token_is_replaced_without_the_caller_noticing()
    {
        var member = await host.Admin.CreateUserAsync("member");
        var warmUp = await host.WithToken(await host.Admin.TokenAsync(member)).GetAsync("/v2/zones");
        Assert.True(warmUp.Code == 200, warmUp.ToString());
        var serviceToken = host.Keystone.Calls.Last(c => c.Method == "GET").AuthToken!;
        await host.Admin.RevokeAsync(serviceToken);

        var token = await host.Admin.TokenAsync(member);
        var response = await host.WithToken(token).GetAsync("/v2/zones");

        Assert.True(response.Code == 200, response.ToString());
        var validations = host.Keystone.Calls.Where(c => c.SubjectToken == token).ToList();
        Assert.Equal([401, 200], validations.Select(c => c.Status));
        Assert.Equal(serviceToken, validations[0].AuthToken);
        Assert.NotEqual(serviceToken, validations[1].AuthToken);
    }

    [Fact]
    public async Task Privileged_headers_are_a_bare_403_for_a_member_and_allowed_for_an_admin()
    {
        var member = await host.Admin.CreateUserAsync("member");
        var admin = await host.Admin.CreateUserAsync("admin");

        foreach (var (header, value) in new[]
        {
            ("X-Auth-All-Projects", "true"),
            ("X-Auth-Sudo-Project-ID", admin.ProjectId),
            ("X-Designate-Edit-Managed-Records", "true"),
            ("X-Designate-Hard-Delete", "true"),
        })
        {
            var asMember = host.WithToken(await host.Admin.TokenAsync(member));
            asMember.Headers[header] = value;
            var denied = await asMember.GetAsync("/v2/zones");
            Assert.True(denied.Code == 403 && denied.Text.Length == 0, $"{header}: {denied}");

            var asAdmin = host.WithToken(await host.Admin.TokenAsync(admin));
            asAdmin.Headers[header] = value;
            var allowed = await asAdmin.GetAsync("/v2/zones");
            Assert.True(allowed.Code == 200, $"{header}: {allowed}");
        }
    }

    [Fact]
    public async Task A_member_cannot_see_or_change_another_projects_zone()
    {
        var owner = await host.Admin.CreateUserAsync("member");
        var stranger = await host.Admin.CreateUserAsync("member");
        var (id, _) = await TestData.CreateZoneAsync(host.WithToken(await host.Admin.TokenAsync(owner)));
        var other = host.WithToken(await host.Admin.TokenAsync(stranger));

        Assert.Equal(404, (await other.GetAsync($"/v2/zones/{id}")).Code);
        Assert.Equal(404, (await other.DeleteAsync($"/v2/zones/{id}")).Code);
        Assert.Empty((await other.GetAsync("/v2/zones")).Json.GetProperty("zones").EnumerateArray());
    }
}
