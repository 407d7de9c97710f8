using System.Text.Json;
using Zonal.Service.Tests.Api.ZoneTasks;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Compatibility;

/// <summary>`openstack zone import ...` and `openstack zone export ...` from Debian's client against the running embedded default.</summary>
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
}
