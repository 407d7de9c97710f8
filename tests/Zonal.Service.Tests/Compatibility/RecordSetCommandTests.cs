using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Compatibility;

/// <summary>`openstack recordset ...` from Debian's client against the running embedded default.</summary>
public sealed class RecordSetCommandTests(ZonalProcess zonal) : IClassFixture<ZonalProcess>
{
    private readonly OpenStackCli _cli = new(zonal.Endpoint);

    public static TheoryData<string, string?, string[], string[]> RecordSets => new()
    {
        { "A", "www", ["192.0.2.1", "192.0.2.2"], ["192.0.2.9"] },
        { "AAAA", "v6", ["2001:db8::1"], ["2001:db8::2", "2001:db8::3"] },
        // null: the zone apex, where NS and SOA share the name, so commands name the set by id.
        { "MX", null, ["10 mail.example.org."], ["20 mx2.example.org.", "30 mx3.example.org."] },
        { "TXT", "txt", ["\"v=spf1 -all\"", "\"two\" \"strings\""], ["\"changed text\""] },
        { "SRV", "_sip._udp", ["10 20 5060 sip.example.org."], ["0 5 5061 sips.example.org."] },
        { "CNAME", "alias", ["www.example.org."], ["other.example.org."] },
        { "CAA", "caa", ["0 issue letsencrypt.org", "0 iodef mailto:hostmaster@example.org"], ["1 issuewild ca.example.net"] },
    };

    [Theory]
    [MemberData(nameof(RecordSets))]
    public async Task Recordset_create_list_show_set_and_delete_work_through_the_openstack_client(
        string type, string? label, string[] records, string[] replacements)
    {
        var (zoneId, zone) = await TestData.CreateZoneAsync(zonal.Client);
        var name = label is null ? zone : $"{label}.{zone}";

        var create = new List<string> { "recordset", "create", "--type", type, "--ttl", "300", "--description", "from the cli" };
        create.AddRange(records.SelectMany(r => new[] { "--record", r }));
        create.AddRange([zone, label ?? zone, "-f", "json"]);
        var created = (await _cli.RunAsync([.. create])).Json;
        Assert.Equal(name, created.Str("name"));
        Assert.Equal(type, created.Str("type"));
        Assert.Equal(zoneId, created.Str("zone_id"));
        Assert.Equal(300, created.GetProperty("ttl").GetInt32());
        Assert.Equal("from the cli", created.Str("description"));
        Assert.Equal(CliOutput.Sorted(records), CliOutput.Records(created));
        var id = created.Str("id");
        var reference = label is null ? id : name;

        var listed = (await _cli.RunAsync("recordset", "list", zone, "--type", type, "-f", "json")).Json;
        var row = Assert.Single(listed.EnumerateArray());
        Assert.Equal(id, row.Str("id"));
        Assert.Equal(CliOutput.Sorted(records), CliOutput.Records(row));

        var shown = (await _cli.RunAsync("recordset", "show", zone, reference, "-f", "json")).Json;
        Assert.Equal(id, shown.Str("id"));
        Assert.Equal(name, shown.Str("name"));
        Assert.Equal(CliOutput.Sorted(records), CliOutput.Records(shown));

        var set = new List<string> { "recordset", "set", "--ttl", "900", "--description", "changed" };
        set.AddRange(replacements.SelectMany(r => new[] { "--record", r }));
        set.AddRange([zone, reference, "-f", "json"]);
        var changed = (await _cli.RunAsync([.. set])).Json;
        Assert.Equal(id, changed.Str("id"));
        Assert.Equal(900, changed.GetProperty("ttl").GetInt32());
        Assert.Equal("changed", changed.Str("description"));
        Assert.Equal(CliOutput.Sorted(replacements), CliOutput.Records(changed));

        var deleted = (await _cli.RunAsync("recordset", "delete", zone, reference, "-f", "json")).Json;
        Assert.Equal(id, deleted.Str("id"));
        Assert.Equal("DELETE", deleted.Str("action"));
        await CliOutput.WaitUntilGoneAsync(zonal.Client, $"/v2/zones/{zoneId}/recordsets/{id}");
    }

    [Fact]
    public async Task Bad_record_data_fails_the_command_with_designates_message_and_creates_nothing()
    {
        var (zoneId, zone) = await TestData.CreateZoneAsync(zonal.Client);

        var result = await _cli.RunAsync("recordset", "create", "--type", "A", "--record", "192.0.2.300", zone, "bad", "-f", "json");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("Provided object does not match schema", result.Stderr);
        var listed = await zonal.Client.GetAsync($"/v2/zones/{zoneId}/recordsets?type=A");
        Assert.Equal(0, listed.Json.GetProperty("recordsets").GetArrayLength());
    }
}
