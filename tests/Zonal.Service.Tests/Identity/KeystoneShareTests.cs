using Zonal.Service.Tests.Api;
using Zonal.Service.Tests.Infrastructure;
using Zonal.Service.Tests.Infrastructure.Keystone;

namespace Zonal.Service.Tests.Identity;

/// <summary>With auth_strategy = keystone a share's target project is looked up in the real Keystone first.</summary>
public sealed class KeystoneShareTests(KeystoneApiHost host) : IClassFixture<KeystoneApiHost>
{
    [Fact]
    public async Task Sharing_with_a_project_keystone_knows_is_created()
    {
        var target = await host.Admin.CreateProjectAsync(KeystoneAdmin.UniqueName("target"));
        var (_, api, zone) = await OwnerWithZoneAsync();

        var shared = await api.PostAsync($"/v2/zones/{zone}/shares", TargetBody(target));

        Assert.True(shared.Code == 201, shared.ToString());
        Assert.Equal(target, shared.Str("target_project_id"));
        Assert.Contains(host.Keystone.Calls, c => c.Method == "GET" && c.Path.EndsWith($"/projects/{target}") && c.Status == 200);
    }

    [Fact]
    public async Task Sharing_with_a_project_keystone_does_not_know_is_invalid_project()
    {
        var (_, api, zone) = await OwnerWithZoneAsync();
        var unknown = Guid.NewGuid().ToString("N");

        ErrorAssert.Is(await api.PostAsync($"/v2/zones/{zone}/shares", TargetBody(unknown)), 400, "invalid_project");

        Assert.Contains(host.Keystone.Calls, c => c.Path.EndsWith($"/projects/{unknown}") && c.Status == 404);
        var shares = await api.GetAsync($"/v2/zones/{zone}/shares");
        Assert.Empty(shares.Json.GetProperty("shared_zones").EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_zone_is_a_404_before_the_project_is_judged()
    {
        var owner = await host.Admin.CreateUserAsync("member");
        var api = host.WithToken(await host.Admin.TokenAsync(owner));

        var response = await api.PostAsync($"/v2/zones/{Guid.NewGuid()}/shares", TargetBody(Guid.NewGuid().ToString("N")));

        ErrorAssert.Is(response, 404, "zone_not_found");
    }

    [Fact]
    public async Task A_reader_of_the_owner_is_refused_by_policy_before_the_project_is_judged()
    {
        var (owner, _, zone) = await OwnerWithZoneAsync();
        var reader = await host.Admin.CreateUserAsync("reader", owner.ProjectName, owner.ProjectId);

        var response = await host.WithToken(await host.Admin.TokenAsync(reader))
            .PostAsync($"/v2/zones/{zone}/shares", TargetBody(Guid.NewGuid().ToString("N")));

        Assert.True(response.Code == 403, response.ToString());
    }

    /// <summary>A member of a new project, its client, and a zone it owns.</summary>
    private async Task<(KeystoneUser Owner, ApiClient Api, string Zone)> OwnerWithZoneAsync()
    {
        var owner = await host.Admin.CreateUserAsync("member");
        var api = host.WithToken(await host.Admin.TokenAsync(owner));
        var (zone, _) = await TestData.CreateZoneAsync(api);
        return (owner, api, zone);
    }

    private static string TargetBody(string project) => $$"""{"target_project_id": "{{project}}"}""";
}

/// <summary>A Keystone that will not say (403 to the service account's lookup) lets the share through, as Designate does.</summary>
public sealed class KeystoneShareForbiddenLookupTests(NonAdminServiceKeystoneApiHost host) : IClassFixture<NonAdminServiceKeystoneApiHost>
{
    [Fact]
    public async Task A_403_to_the_project_lookup_counts_as_an_existing_project()
    {
        var owner = await host.Admin.CreateUserAsync("member");
        var api = host.WithToken(await host.Admin.TokenAsync(owner));
        var (zone, _) = await TestData.CreateZoneAsync(api);
        var unknown = Guid.NewGuid().ToString("N");

        var shared = await api.PostAsync($"/v2/zones/{zone}/shares", $$"""{"target_project_id": "{{unknown}}"}""");

        Assert.True(shared.Code == 201, shared.ToString());
        Assert.Contains(host.Keystone.Calls, c => c.Path.EndsWith($"/projects/{unknown}") && c.Status == 403);
    }
}
