using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Compatibility;

/// <summary>
/// `openstack dns quota list|set|reset` from Debian's client against the running embedded default
/// (the client registers Designate's quota commands under `dns`, as `quota` belongs to nova, cinder and neutron).
/// </summary>
public sealed class QuotaCommandTests(ZonalProcess zonal) : IClassFixture<ZonalProcess>
{
    private readonly OpenStackCli _cli = new(zonal.Endpoint);

    [Fact]
    public async Task Quota_list_set_and_reset_work_through_the_openstack_client()
    {
        var project = Projects.New("quota");

        var defaults = (await _cli.RunAsync("dns", "quota", "list", "--project-id", project, "-f", "json")).Json;
        Assert.Equal(10, defaults.GetProperty("zones").GetInt32());
        Assert.Equal(500, defaults.GetProperty("zone_records").GetInt32());

        var set = (await _cli.RunAsync("dns", "quota", "set", "--project-id", project, "--zones", "7", "--zone-records", "99", "-f", "json")).Json;
        Assert.Equal(7, set.GetProperty("zones").GetInt32());
        Assert.Equal(99, set.GetProperty("zone_records").GetInt32());
        Assert.Equal(defaults.GetProperty("zone_recordsets").GetInt32(), set.GetProperty("zone_recordsets").GetInt32());

        var listed = (await _cli.RunAsync("dns", "quota", "list", "--project-id", project, "-f", "json")).Json;
        Assert.Equal(7, listed.GetProperty("zones").GetInt32());

        var reset = await _cli.RunAsync("dns", "quota", "reset", "--project-id", project);
        Assert.True(reset.ExitCode == 0, reset.ToString());
        var after = (await _cli.RunAsync("dns", "quota", "list", "--project-id", project, "-f", "json")).Json;
        Assert.Equal(10, after.GetProperty("zones").GetInt32());
        Assert.Equal(500, after.GetProperty("zone_records").GetInt32());
    }
}
