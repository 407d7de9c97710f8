using Zonal.Domain;
using Zonal.Domain.PolicyLanguage;

namespace Zonal.Service.Tests.Central;

/// <summary>oslo.policy's rule language as operators write it in policy files, parsed and checked.</summary>
public sealed class PolicyLanguageTests
{
    private static readonly RequestContext Member = Context("p1", "member");
    private static readonly RequestContext Reader = Context("p1", "reader");
    private static readonly RequestContext Admin = Context("p9", "admin");
    private static readonly RequestContext Auditor = Context("p2", "auditor");

    [Theory]
    [InlineData("@", true, true, true)]
    [InlineData("", true, true, true)]
    [InlineData("!", false, false, false)]
    [InlineData("role:admin", false, false, true)]
    [InlineData("ROLE:Admin", false, false, false)]
    [InlineData("role:member", true, false, true)]
    [InlineData("role:reader and project_id:%(project_id)s", true, true, false)]
    [InlineData("role:member or role:admin", true, false, true)]
    [InlineData("not role:admin", true, true, false)]
    [InlineData("not role:admin and not role:member", false, true, false)]
    [InlineData("(role:reader or role:member) and not project_id:%(project_id)s", false, false, true)]
    [InlineData("role:admin or (role:member and project_id:%(project_id)s)", true, false, true)]
    [InlineData("project_id:'p1'", true, true, false)]
    [InlineData("user_id:%(user_id)s", false, false, false)]
    [InlineData("rule:admin or rule:project_member", true, false, true)]
    [InlineData("rule:no_such_rule", false, false, false)]
    public void Rules_decide_as_oslo_policy_does(string rule, bool member, bool reader, bool admin)
    {
        var rules = new PolicyRules(new Dictionary<string, string> { ["under_test"] = rule });

        Assert.Equal(member, rules.AllowsFor("under_test", Member, "p1"));
        Assert.Equal(reader, rules.AllowsFor("under_test", Reader, "p1"));
        Assert.Equal(admin, rules.AllowsFor("under_test", Admin, "p1"));
    }

    [Fact]
    public void The_defaults_are_designates()
    {
        var rules = new PolicyRules();

        Assert.True(rules.AllowsFor("project_reader", Member, "p1"));
        Assert.False(rules.AllowsFor("project_reader", Member, "p2"));
        Assert.False(rules.AllowsFor("project_member", Reader, "p1"));
        Assert.True(rules.Allows("all_tenants", Admin));
        Assert.False(rules.Allows("all_tenants", Member));
    }

    [Fact]
    public void An_override_of_a_base_rule_changes_every_rule_that_refers_to_it()
    {
        var rules = new PolicyRules(new Dictionary<string, string> { ["admin"] = "role:admin or role:auditor" });

        Assert.True(rules.Allows("admin", Auditor));
        Assert.True(rules.Allows("all_tenants", Auditor));
        Assert.False(rules.Allows("all_tenants", Member));
    }

    [Fact]
    public void A_policy_file_in_yaml_overrides_named_rules_and_keeps_the_others()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                # operators' overrides
                "all_tenants": "role:admin or role:auditor"
                "hard_delete": "!"
                """);
            var rules = PolicyRules.Load(path);

            Assert.True(rules.Allows("all_tenants", Auditor));
            Assert.False(rules.Allows("hard_delete", Admin));
            Assert.True(rules.Allows("use_sudo", Admin));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_policy_file_in_json_is_read_too()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"use_sudo": "not @"}""");

            Assert.False(PolicyRules.Load(path).Allows("use_sudo", Admin));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("'PRIMARY':%(zone_type)s", "PRIMARY", true)]
    [InlineData("'PRIMARY':%(zone_type)s", "SECONDARY", false)]
    [InlineData("\"PRIMARY\":%(zone_type)s", "PRIMARY", true)]
    [InlineData("True:%(zone_type)s", "True", true)]
    [InlineData("None:%(zone_type)s", null, true)]
    [InlineData("None:%(zone_type)s", "p1", false)]
    [InlineData("project_id:%(zone_type)s", null, false)]
    public void A_literal_on_the_left_is_compared_with_the_target_value(string rule, string? value, bool expected)
    {
        var rules = new PolicyRules(new Dictionary<string, string> { ["under_test"] = rule });

        Assert.Equal(expected, rules.Allows("under_test", Member, new Dictionary<string, string?> { ["zone_type"] = value }));
    }

    [Fact]
    public void Every_default_is_designates_for_its_endpoint()
    {
        var rules = new PolicyRules();
        var own = PolicyTarget.Zone("p1", "PRIMARY", shared: false);
        var sharedWithMe = PolicyTarget.Zone("p2", "PRIMARY", shared: true);
        var secondary = PolicyTarget.Zone("p1", "SECONDARY", shared: false);

        Assert.True(rules.Allows("create_recordset", Reader, sharedWithMe));
        Assert.False(rules.Allows("create_recordset", Reader, own));
        Assert.False(rules.Allows("create_recordset", Member, secondary));
        Assert.True(rules.Allows("create_recordset", Admin, secondary));
        Assert.True(rules.Allows("get_zone", Reader, sharedWithMe));
        Assert.False(rules.Allows("update_zone", Member, sharedWithMe));
        Assert.False(rules.Allows("find_tlds", Member, own));
        Assert.True(rules.Allows("update_recordset", Member, PolicyTarget.RecordSet("p2", "PRIMARY", true, "p1")));
        Assert.False(rules.Allows("update_recordset", Member, PolicyTarget.RecordSet("p2", "PRIMARY", true, "p2")));
        Assert.True(rules.Allows("create_zone_transfer_accept", Reader, new Dictionary<string, string?> { ["target_project_id"] = null }));
        Assert.False(rules.Allows("create_zone_transfer_accept", Member, new Dictionary<string, string?> { ["target_project_id"] = "p2" }));
    }

    [Theory]
    [InlineData("role:admin and")]
    [InlineData("(role:admin")]
    [InlineData("role:admin)")]
    [InlineData("admin")]
    [InlineData("or role:admin")]
    public void A_rule_that_does_not_parse_is_refused(string rule)
    {
        Assert.Throws<FormatException>(() => PolicyParser.Parse(rule));
    }

    [Fact]
    public void Parentheses_of_a_target_reference_are_not_grouping()
    {
        var check = PolicyParser.Parse("(project_id:%(project_id)s)");

        Assert.Equal(new GenericCheck("project_id", "%(project_id)s"), check);
    }

    private static RequestContext Context(string project, string role) =>
        new() { RequestId = "req-test", ProjectId = project, UserId = "u-" + project, Roles = [role] };
}
