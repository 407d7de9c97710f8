using System.Text.Json;
using Zonal.Service.Tests.Api.ZoneTasks;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Compatibility;

/// <summary>`openstack zone import ...`, `zone export ...` and `zone axfr` from Debian's client against the running embedded default.</summary>
public sealed class ZoneTaskCommandTests(ZonalProcess zonal) : IClassFixture<ZonalProcess>
{
    private readonly OpenStackCli _cli = new(zonal.Endpoint);

    [Fact]
    public async Task Zone_import_create_list_show_and_delete_work_through_the_openstack_client()
    {
        var name = TestData.ZoneName();
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, ZoneTaskData.ZoneFile(name));
            var created = (await _cli.RunAsync("zone", "import", "create", file, "-f", "json")).Json;
            Assert.Equal("PENDING", created.Str("status"));
            Assert.Equal(JsonValueKind.Null, created.GetProperty("zone_id").ValueKind);
            Assert.False(created.TryGetProperty("links", out _));
            var id = created.Str("id");

            var done = await ZoneTaskData.WaitDoneAsync(zonal.Client, $"/v2/zones/tasks/imports/{id}");
            Assert.Equal("COMPLETE", done.Str("status"));

            var listed = (await _cli.RunAsync("zone", "import", "list", "-f", "json")).Json;
            var row = Assert.Single(listed.EnumerateArray(), t => t.Str("id") == id);
            Assert.Equal("COMPLETE", row.Str("status"));
            Assert.Equal(done.Str("zone_id"), row.Str("zone_id"));

            var shown = (await _cli.RunAsync("zone", "import", "show", id, "-f", "json")).Json;
            Assert.Equal(done.Str("zone_id"), shown.Str("zone_id"));
            Assert.Equal(name, (await _cli.RunAsync("zone", "show", shown.Str("zone_id"), "-f", "json")).Json.Str("name"));

            var deleted = await _cli.RunAsync("zone", "import", "delete", id);
            Assert.True(deleted.ExitCode == 0, deleted.ToString());
            var gone = await _cli.RunAsync("zone", "import", "show", id, "-f", "json");
            Assert.True(gone.ExitCode != 0, gone.ToString());
            Assert.Contains("Could not find ZoneImport", gone.Stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Zone_export_create_list_show_showfile_and_delete_work_through_the_openstack_client()
    {
        var (zoneId, name) = await TestData.CreateZoneAsync(zonal.Client);
        var created = (await _cli.RunAsync("zone", "export", "create", name, "-f", "json")).Json;
        Assert.Equal(zoneId, created.Str("zone_id"));
        Assert.Equal("PENDING", created.Str("status"));
        var id = created.Str("id");

        var done = await ZoneTaskData.WaitDoneAsync(zonal.Client, $"/v2/zones/tasks/exports/{id}");
        Assert.Equal("COMPLETE", done.Str("status"));

        var listed = (await _cli.RunAsync("zone", "export", "list", "-f", "json")).Json;
        Assert.Equal(zoneId, Assert.Single(listed.EnumerateArray(), t => t.Str("id") == id).Str("zone_id"));

        var shown = (await _cli.RunAsync("zone", "export", "show", id, "-f", "json")).Json;
        Assert.Equal($"designate://v2/zones/tasks/exports/{id}/export", shown.Str("location"));

        var file = (await _cli.RunAsync("zone", "export", "showfile", id, "-f", "json")).Json.Str("data");
        Assert.StartsWith($"$ORIGIN {name}\n$TTL 3600\n", file);
        Assert.Contains("\tSOA\t", file);

        var deleted = await _cli.RunAsync("zone", "export", "delete", id);
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        var gone = await _cli.RunAsync("zone", "export", "show", id, "-f", "json");
        Assert.True(gone.ExitCode != 0, gone.ToString());
        Assert.Contains("Could not find ZoneExport", gone.Stderr);
    }

    [Fact]
    public async Task A_bad_zone_file_is_accepted_as_a_task_that_ends_in_error()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "www 300 IN A 192.0.2.1\n");
            var created = (await _cli.RunAsync("zone", "import", "create", file, "-f", "json")).Json;
            var done = await ZoneTaskData.WaitDoneAsync(zonal.Client, $"/v2/zones/tasks/imports/{created.Str("id")}");
            Assert.Equal("ERROR", done.Str("status"));

            var shown = (await _cli.RunAsync("zone", "import", "show", created.Str("id"), "-f", "json")).Json;
            Assert.Equal("ERROR", shown.Str("status"));
            Assert.Contains("must start with $ORIGIN", shown.Str("message"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Zone_axfr_pulls_a_newer_serial_from_the_master_of_a_secondary_zone_and_refuses_a_primary_zone()
    {
        var name = TestData.ZoneName();
        using var master = MasterNamed.Start(name, 100, 3600, "www IN A 192.0.2.1");
        var created = (await _cli.RunAsync("zone", "create", name, "--type", "SECONDARY", "--masters", master.Address, "-f", "json")).Json;
        Assert.Equal("SECONDARY", created.Str("type"));
        var id = created.Str("id");
        await WaitForRecordAsync(id, "www." + name, "192.0.2.1");
        await AssertServedAsync(id, "www." + name, "192.0.2.1");

        master.Publish(101, 3600, "www IN A 192.0.2.2");
        var axfr = await _cli.RunAsync("zone", "axfr", id);
        Assert.True(axfr.ExitCode == 0, axfr.ToString());
        await WaitForRecordAsync(id, "www." + name, "192.0.2.2");
        Assert.Equal(101, (await _cli.RunAsync("zone", "show", id, "-f", "json")).Json.GetProperty("serial").GetInt64());
        await AssertServedAsync(id, "www." + name, "192.0.2.2");

        var (primary, _) = await TestData.CreateZoneAsync(zonal.Client);
        var refused = await _cli.RunAsync("zone", "axfr", primary);
        Assert.True(refused.ExitCode != 0, refused.ToString());
        Assert.Contains("Can't XFR a non Secondary zone", refused.Stderr);
    }

    /// <summary>Once ACTIVE, the builtin nameserver of the pool, which pulls from MiniDNS, serves the master's data.</summary>
    private async Task AssertServedAsync(string zoneId, string name, string data)
    {
        var zone = await TestData.WaitForStatusAsync(zonal.Client, $"/v2/zones/{zoneId}", "ACTIVE");
        Assert.True(zone.Str("status") == "ACTIVE", zone.ToString());
        var served = await Dig.QueryAsync(zonal.NameserverPort, name, "A");
        Assert.True(served is { Status: "NOERROR", Authoritative: true }, served.Output);
        Assert.Equal([data], served.Answers);
    }

    private async Task WaitForRecordAsync(string zoneId, string name, string data)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var sets = (await zonal.Client.GetAsync($"/v2/zones/{zoneId}/recordsets?type=A&name={name}")).Json.GetProperty("recordsets");
            var records = sets.EnumerateArray().SelectMany(set => TestData.Strings(set.GetProperty("records"))).ToArray();
            if (records.SequenceEqual([data]))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{name} holds [{string.Join(", ", records)}], not {data}");
            await Task.Delay(50);
        }
    }
}
