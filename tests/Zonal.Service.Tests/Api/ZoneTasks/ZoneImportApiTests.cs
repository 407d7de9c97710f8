using System.Text.Json;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api.ZoneTasks;

public sealed class ZoneImportApiSqliteTests(SqliteApiHost host) : ZoneImportApiTests<SqliteApiHost>(host);

public sealed class ZoneImportApiPostgresTests(PostgresApiHost host) : ZoneImportApiTests<PostgresApiHost>(host);

/// <summary>/v2/zones/tasks/imports over real HTTP: the async task, the zone it creates, and every way it fails whole.</summary>
public abstract class ZoneImportApiTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private readonly string _project = "imp-" + Guid.NewGuid().ToString("N")[..8];

    private ApiClient Client => host.Client(_project);

    [Fact]
    public async Task Import_answers_202_pending_then_completes_with_the_zone_and_its_records()
    {
        var name = TestData.ZoneName();
        var created = await ZoneTaskData.ImportAsync(Client, ZoneTaskData.ZoneFile(name));
        var task = created.Json;
        Assert.Equal("PENDING", task.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("zone_id").ValueKind);
        Assert.Equal(_project, task.GetProperty("project_id").GetString());
        Assert.Equal(task.GetProperty("links").GetProperty("self").GetString(), created.Location);
        Assert.EndsWith($"/v2/zones/tasks/imports/{task.GetProperty("id").GetString()}", created.Location);

        var done = await ZoneTaskData.WaitDoneAsync(Client, created.Location!);
        Assert.Equal("COMPLETE", done.Str("status"));
        var zoneId = done.Str("zone_id");
        Assert.EndsWith($"/v2/zones/{zoneId}", done.Json.GetProperty("links").GetProperty("zone").GetString());

        var zone = (await Client.GetAsync($"/v2/zones/{zoneId}")).Json;
        Assert.Equal(name, zone.GetProperty("name").GetString());
        Assert.Equal("first.last@example.org", zone.GetProperty("email").GetString());
        Assert.Equal(900, zone.GetProperty("ttl").GetInt32());
        Assert.Equal(2024010101, zone.GetProperty("serial").GetInt64());
        Assert.Equal("PRIMARY", zone.GetProperty("type").GetString());

        var sets = await ZoneTaskData.RecordSetsAsync(Client, zoneId);
        Assert.Contains($"www.{name} A 192.0.2.1|192.0.2.2", sets);
        Assert.Contains($"{name} MX 10 mail.{name}", sets);
        Assert.Contains($"alias.{name} CNAME www.{name}", sets);
        Assert.Contains($"txt.{name} TXT \"hello world\" \"second string\"", sets);
        Assert.Contains($"{name} CAA 0 issue letsencrypt.org", sets);
        Assert.Contains($"_sip._tcp.{name} SRV 10 60 5060 sip.example.org.", sets);
        Assert.Contains($"child.{name} NS ns1.child.{name}", sets);

        // The apex NS and SOA are the pool's, as for any new zone; the file's serial and timers stay.
        Assert.Contains($"{name} NS ns1.example.net.|ns2.example.net.", sets);
        var soa = sets.Single(s => s.StartsWith($"{name} SOA ", StringComparison.Ordinal)).Split(' ');
        Assert.Equal(["ns1.example.net.", "first\\.last.example.org.", "2024010101", "3000", "1800", "1209600", "321"], soa[2..]);

        var www = (await Client.GetAsync($"/v2/zones/{zoneId}/recordsets?name=www.{name}&type=A")).Json.GetProperty("recordsets")[0];
        Assert.Equal(300, www.GetProperty("ttl").GetInt32());
    }

    [Fact]
    public async Task List_show_and_delete_the_task_but_the_zone_stays()
    {
        var done = await ZoneTaskData.WaitDoneAsync(Client, (await ZoneTaskData.ImportAsync(Client, ZoneTaskData.ZoneFile(TestData.ZoneName()))).Location!);
        var id = done.Str("id");

        var list = await Client.GetAsync("/v2/zones/tasks/imports");
        Assert.Equal(200, list.Code);
        Assert.Contains(id, list.Json.GetProperty("imports").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.True(list.Json.GetProperty("metadata").GetProperty("total_count").GetInt64() >= 1);
        Assert.Equal(1, (await Client.GetAsync("/v2/zones/tasks/imports?status=COMPLETE&zone_id=" + done.Str("zone_id"))).Json.GetProperty("imports").GetArrayLength());
        ErrorAssert.Is(await Client.GetAsync("/v2/zones/tasks/imports?name=x"), 400, "bad_request");

        var other = host.Client("other-" + Guid.NewGuid().ToString("N")[..8]);
        ErrorAssert.Is(await other.GetAsync($"/v2/zones/tasks/imports/{id}"), 404, "zone_import_not_found");
        Assert.Equal(0, (await other.GetAsync("/v2/zones/tasks/imports")).Json.GetProperty("imports").GetArrayLength());

        var deleted = await Client.DeleteAsync($"/v2/zones/tasks/imports/{id}");
        Assert.Equal(204, deleted.Code);
        Assert.Equal("", deleted.Text);
        ErrorAssert.Is(await Client.GetAsync($"/v2/zones/tasks/imports/{id}"), 404, "zone_import_not_found");
        ErrorAssert.Is(await Client.DeleteAsync($"/v2/zones/tasks/imports/{id}"), 404, "zone_import_not_found");
        Assert.Equal(200, (await Client.GetAsync($"/v2/zones/{done.Str("zone_id")}")).Code);
        ErrorAssert.Is(await Client.GetAsync("/v2/zones/tasks/imports/not-a-uuid"), 400, "invalid_uuid");
    }

    [Theory]
    [InlineData("www IN A 192.0.2.1\n", "must start with $ORIGIN")]
    [InlineData("$ORIGIN {0}\nwww 300 IN A 192.0.2.1\n", "no SOA")]
    [InlineData("$ORIGIN {0}\n@ 300 IN SOA ns.{0} h.{0} 1 2 3 4 5\nwww 300 IN A 192.0.2.300\n", "zonefile:3:")]
    [InlineData("$ORIGIN {0}\n@ 300 IN SOA ns.{0} h.{0} 1 2 3 4 5\nwww 300 IN A 192.0.2.1\nwww 300 IN CNAME x.{0}\n", "zonefile:4:")]
    [InlineData("$ORIGIN {0}\n@ 300 IN SOA ns.{0} h.{0} 1 2 3 4 5\n\nhost 300 IN HINFO \"PC\" \"Linux\"\n", "zonefile:4:1: record type HINFO is not supported")]
    [InlineData("$ORIGIN {0}\n@ 300 IN SOA ns.{0} h.{0} 1 2 3 4 5\ntxt 300 IN TXT \"a\"\nwww 30 IN A 192.0.2.1\n", "zonefile:4:1:")]
    [InlineData("$ORIGIN {0}\n@ 300 IN SOA ns.{0} h.{0} 1 2 3 4 5\nwww.other.test. 300 IN A 192.0.2.1\n", "outside the zone")]
    public async Task A_bad_file_ends_in_error_naming_the_line_and_leaves_no_zone(string template, string expected)
    {
        var name = TestData.ZoneName();
        var member = host.Client(_project, "member");
        var done = await ZoneTaskData.WaitDoneAsync(member, (await ZoneTaskData.ImportAsync(member, string.Format(template, name))).Location!);
        Assert.Equal("ERROR", done.Str("status"));
        Assert.Contains(expected, done.Str("message"));
        Assert.Equal(JsonValueKind.Null, done.Json.GetProperty("zone_id").ValueKind);
        Assert.Equal(0, (await Client.GetAsync($"/v2/zones?name={name}")).Json.GetProperty("metadata").GetProperty("total_count").GetInt64());
    }

    [Fact]
    public async Task An_existing_zone_name_ends_in_error_and_the_first_zone_is_untouched()
    {
        var name = TestData.ZoneName();
        var first = await ZoneTaskData.ImportZoneAsync(Client, ZoneTaskData.ZoneFile(name));
        var before = await ZoneTaskData.RecordSetsAsync(Client, first);
        var again = await ZoneTaskData.WaitDoneAsync(Client, (await ZoneTaskData.ImportAsync(Client, ZoneTaskData.ZoneFile(name))).Location!);
        Assert.Equal("ERROR", again.Str("status"));
        Assert.Equal("Duplicate Zone", again.Str("message"));
        Assert.Equal(before, await ZoneTaskData.RecordSetsAsync(Client, first));
    }

    [Theory]
    [InlineData("zones", 0, "Quota exceeded for zones.")]
    [InlineData("zone_recordsets", 5, "Quota exceeded for zone_recordsets.")]
    [InlineData("zone_records", 8, "Quota exceeded for zone_records.")]
    [InlineData("recordset_records", 1, "Quota exceeded for recordset_records.")]
    public async Task Quotas_apply_to_imports_and_nothing_is_written_over_them(string quota, int limit, string message)
    {
        Assert.Equal(200, (await Client.PatchAsync($"/v2/quotas/{_project}", $$"""{"{{quota}}": {{limit}}}""")).Code);
        try
        {
            var name = TestData.ZoneName();
            var done = await ZoneTaskData.WaitDoneAsync(Client, (await ZoneTaskData.ImportAsync(Client, ZoneTaskData.ZoneFile(name))).Location!);
            Assert.Equal("ERROR", done.Str("status"));
            Assert.Equal(message, done.Str("message"));
            Assert.Equal(0, (await Client.GetAsync($"/v2/zones?name={name}")).Json.GetProperty("metadata").GetProperty("total_count").GetInt64());
        }
        finally
        {
            await Client.DeleteAsync($"/v2/quotas/{_project}");
        }
    }

    [Fact]
    public async Task Content_type_policy_and_json_bodies()
    {
        ErrorAssert.Is(await Client.PostAsync("/v2/zones/tasks/imports", "$ORIGIN a.test.\n", "text/plain"), 415, "unsupported_content_type");
        ErrorAssert.Is(await host.Client(_project, "reader").PostAsync("/v2/zones/tasks/imports", "$ORIGIN a.test.\n", "text/dns"), 403, "forbidden");
        Assert.Equal(200, (await host.Client(_project, "reader").GetAsync("/v2/zones/tasks/imports")).Code);
        ErrorAssert.Is(await Client.PostAsync("/v2/zones/tasks/imports", """{"attributes": {}}"""), 400, "invalid_object");

        var name = TestData.ZoneName();
        var json = JsonSerializer.Serialize(new { zonefile = ZoneTaskData.ZoneFile(name) });
        var created = await Client.PostAsync("/v2/zones/tasks/imports", json);
        Assert.Equal(202, created.Code);
        Assert.Equal("COMPLETE", (await ZoneTaskData.WaitDoneAsync(Client, created.Location!)).Str("status"));
    }
}
