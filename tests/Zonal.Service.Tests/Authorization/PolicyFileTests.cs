using Zonal.Hosting;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Authorization;

/// <summary>The service started with an operator's oslo.policy file (YAML) that changes a few rules.</summary>
public sealed class PolicyFileHost : ApiHost
{
    public const string Policy = """
        # an operator's overrides; every other rule keeps Designate's default
        "admin": "role:admin or role:dns_admin"
        "find_tlds": "@"
        "delete_zone": "rule:admin"
        "get_zone": "rule:admin or rule:project_member"
        "create_recordset": "rule:admin or (rule:project_member and 'PRIMARY':%(zone_type)s and not 'True':%(zone_shared)s)"
        """;

    private string _folder = "";

    protected override string CreateDatabase() => TestDatabases.Sqlite();

    protected override Task<IReadOnlyDictionary<string, string?>> SettingsAsync()
    {
        _folder = Directory.CreateTempSubdirectory("zonal-policy-").FullName;
        var file = Path.Combine(_folder, "policy.yaml");
        File.WriteAllText(file, Policy);
        return Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?> { ["Zonal:oslo_policy:policy_file"] = file });
    }
}

/// <summary>Over real HTTP, the API obeys the rules of the policy file instead of the defaults it replaces, and keeps the others.</summary>
public sealed class PolicyFileTests(PolicyFileHost host) : IClassFixture<PolicyFileHost>
{
    private readonly string _project = Projects.New("p");

    [Fact]
    public async Task A_rule_opened_to_everyone_lets_a_reader_list_tlds_but_not_create_one()
    {
        var reader = host.Client(_project, "reader");

        Assert.Equal(200, (await reader.GetAsync("/v2/tlds")).Code);
        Assert.Equal(403, (await reader.PostAsync("/v2/tlds", """{"name": "policyfile"}""")).Code);
    }

    [Fact]
    public async Task A_rule_narrowed_to_admins_stops_a_member_deleting_its_own_zone()
    {
        var member = host.Client(_project, "member");
        var (zoneId, _) = await TestData.CreateZoneAsync(member);

        Assert.Equal(403, (await member.DeleteAsync($"/v2/zones/{zoneId}")).Code);
        Assert.Equal(202, (await host.Client(_project, "admin").DeleteAsync($"/v2/zones/{zoneId}")).Code);
    }

    [Fact]
    public async Task An_overridden_base_rule_makes_a_new_role_admin_everywhere_it_is_used()
    {
        var operatorClient = host.Client(_project, "dns_admin");

        Assert.Equal(200, (await operatorClient.GetAsync("/v2/pools")).Code);
        operatorClient.Headers["X-Auth-All-Projects"] = "true";
        Assert.Equal(200, (await operatorClient.GetAsync("/v2/zones")).Code);
    }

    [Fact]
    public async Task Rules_on_zone_attributes_decide_per_zone()
    {
        var member = host.Client(_project, "member");
        var reader = host.Client(_project, "reader");
        var (zoneId, zoneName) = await TestData.CreateZoneAsync(member);

        // get_zone now wants a member: the default lets readers see their project's zones.
        Assert.Equal(403, (await reader.GetAsync($"/v2/zones/{zoneId}")).Code);
        Assert.Equal(200, (await member.GetAsync($"/v2/zones/{zoneId}")).Code);

        // create_recordset no longer lets a project the zone is shared with add record sets.
        var guest = Projects.New("guest");
        Assert.Equal(201, (await member.PostAsync($"/v2/zones/{zoneId}/shares", $$"""{"target_project_id": "{{guest}}"}""")).Code);
        var body = TestData.RecordSetBody("www." + zoneName, "A", "192.0.2.1");
        Assert.Equal(403, (await host.Client(guest, "member").PostAsync($"/v2/zones/{zoneId}/recordsets", body)).Code);
        Assert.Equal(202, (await member.PostAsync($"/v2/zones/{zoneId}/recordsets", body)).Code);
    }

    [Fact]
    public async Task Rules_the_file_does_not_name_keep_designates_defaults()
    {
        var reader = host.Client(_project, "reader");

        Assert.Equal(200, (await reader.GetAsync("/v2/zones")).Code);
        Assert.Equal(403, (await reader.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName()))).Code);
        Assert.Equal(403, (await host.Client(_project, "member").GetAsync("/v2/pools")).Code);
    }

    [Fact]
    public void A_policy_file_that_does_not_parse_stops_the_start()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"delete_zone": "role:admin and"}""");

            Assert.Throws<FormatException>(() => ZonalApp.Build([], new Dictionary<string, string?>
            {
                ["Zonal:Database"] = "sqlite:Data Source=:memory:",
                ["Zonal:oslo_policy:policy_file"] = file,
            }));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
