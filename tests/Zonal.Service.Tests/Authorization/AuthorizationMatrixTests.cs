using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Authorization;

/// <summary>The authorization matrix with real Keystone users: admin, member and reader of A, members of B and C.</summary>
public sealed class KeystoneAuthorizationMatrixTests(KeystoneMatrixHost host) : IClassFixture<KeystoneMatrixHost>
{
    [Fact]
    public async Task Every_endpoint_answers_each_role_and_owner_as_the_default_policy_says() =>
        await MatrixRunner.RunAsync(host, await MatrixParties.KeystoneAsync(host));
}

/// <summary>
/// The same matrix in noauth mode: X-Auth-Project-ID picks the project and X-Roles the roles, so the
/// same policy decides; a caller sending no X-Roles is an admin (the admin column sends none).
/// </summary>
public sealed class NoAuthAuthorizationMatrixTests(NoAuthMatrixHost host) : IClassFixture<NoAuthMatrixHost>
{
    [Fact]
    public Task Every_endpoint_answers_each_role_and_owner_as_the_default_policy_says() =>
        MatrixRunner.RunAsync(host, MatrixParties.NoAuth(host));

    [Fact]
    public async Task A_caller_naming_no_project_acts_for_noauth_project_as_admin()
    {
        var created = await host.Client().PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName()));

        Assert.True(created.Code == 202, created.ToString());
        Assert.Equal("noauth-project", created.Str("project_id"));
        Assert.Equal(200, (await host.Client().GetAsync("/v2/tlds")).Code);
    }
}
