using System.Text.Json;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api;

public sealed class RecordSetApiSqliteTests(SqliteApiHost host) : RecordSetApiTests<SqliteApiHost>(host);

public sealed class RecordSetApiPostgresTests(PostgresApiHost host) : RecordSetApiTests<PostgresApiHost>(host);

/// <summary>Record sets per zone and across zones: shapes, rules, managed records and errors.</summary>
public abstract class RecordSetApiTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private readonly ApiClient _client = host.Client(project: "rs-" + Guid.NewGuid().ToString("N")[..8]);

    private async Task<ApiResponse> CreateAsync(string zoneId, string body) =>
        await _client.PostAsync($"/v2/zones/{zoneId}/recordsets", body);

    [Fact]
    public async Task Create_answers_202_pending_and_bumps_the_zone_serial()
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        var serial = (await _client.GetAsync($"/v2/zones/{id}")).Json.GetProperty("serial").GetInt64();
        var response = await CreateAsync(id, TestData.RecordSetBody("www." + name, "A", "192.0.2.1", "192.0.2.2", "192.0.2.1"));

        Assert.Equal(202, response.Code);
        var set = response.Json;
        Assert.Equal(set.GetProperty("links").GetProperty("self").GetString(), response.Location);
        Assert.EndsWith($"/v2/zones/{id}/recordsets/{set.GetProperty("id").GetString()}", response.Location);
        Assert.Equal("PENDING", set.GetProperty("status").GetString());
        Assert.Equal("CREATE", set.GetProperty("action").GetString());
        Assert.Equal(name, set.GetProperty("zone_name").GetString());
        Assert.Equal(["192.0.2.1", "192.0.2.2"], TestData.Strings(set.GetProperty("records")).Order().ToArray());
        Assert.Equal(JsonValueKind.Null, set.GetProperty("ttl").ValueKind);

        var zone = (await _client.GetAsync($"/v2/zones/{id}")).Json;
        Assert.True(zone.GetProperty("serial").GetInt64() > serial);
        var soa = (await _client.GetAsync($"/v2/zones/{id}/recordsets?type=SOA")).Json.GetProperty("recordsets")[0];
        Assert.Equal(zone.GetProperty("serial").GetInt64().ToString(), TestData.Strings(soa.GetProperty("records"))[0].Split(' ')[2]);

        var active = await TestData.WaitForStatusAsync(_client, response.Location!, "ACTIVE");
        Assert.Equal("NONE", active.Str("action"));
    }

    [Fact]
    public async Task Empty_record_set_is_created_with_201()
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        var response = await CreateAsync(id, $$"""{"name": "empty.{{name}}", "type": "TXT"}""");
        Assert.Equal(201, response.Code);
        Assert.Equal(0, response.Json.GetProperty("records").GetArrayLength());
    }

    [Theory]
    [InlineData("A", "192.0.2.300")]
    [InlineData("AAAA", "192.0.2.1")]
    [InlineData("MX", "10 mail.example.org")]
    [InlineData("MX", "010 mail.example.org.")]
    [InlineData("CNAME", "not a name")]
    [InlineData("TXT", "two words")]
    [InlineData("TXT", "\"half quoted")]
    [InlineData("CAA", "0 issue \"ca.example.net\"")]
    [InlineData("CAA", "128 issue ca.example.net")]
    [InlineData("SSHFP", "1 1 xyz")]
    [InlineData("CERT", "1 0 8 not*base64")]
    [InlineData("TLSA", "3 1 1 abc")]
    public async Task Bad_record_data_names_the_record(string type, string data)
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        var good = type switch
        {
            "A" => "192.0.2.1",
            "AAAA" => "2001:db8::1",
            "MX" => "10 mail.example.org.",
            "CNAME" => "target.example.org.",
            "TXT" => "\"fine text\"",
            "CAA" => "0 issue ca.example.net",
            "CERT" => "1 0 8 AAECAwQF",
            "TLSA" => "3 1 1 " + new string('a', 64),
            _ => "1 1 0123456789abcdef0123456789abcdef01234567",
        };
        var records = type == "CNAME" ? new[] { data } : [good, data];
        var response = await CreateAsync(id, TestData.RecordSetBody("r." + name, type, records));
        ErrorAssert.IsSchemaError(response, "format", "records", records.Length - 1);
    }

    [Theory]
    [InlineData("SRV", "_sip._tcp", "10 60 5060 sip.example.org.")]
    [InlineData("TXT", "t", "\"v=spf1 -all\"")]
    [InlineData("CAA", "@", "0 iodef mailto:security@example.org")]
    [InlineData("MX", "@", "10 mail.example.org.")]
    [InlineData("AAAA", "v6", "2001:db8::1")]
    [InlineData("PTR", "ptr", "host.example.org.")]
    [InlineData("NS", "delegated", "ns.example.org.")]
    [InlineData("SSHFP", "ssh", "4 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public async Task Good_record_data_is_accepted(string type, string label, string data)
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        var owner = label == "@" ? name : $"{label}.{name}";
        var response = await CreateAsync(id, TestData.RecordSetBody(owner, type, data));
        Assert.True(response.Code == 202, response.ToString());
        Assert.Equal([data], TestData.Strings(response.Json.GetProperty("records")));
    }

    [Fact]
    public async Task Names_must_lie_inside_the_zone()
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        ErrorAssert.Is(await CreateAsync(id, TestData.RecordSetBody("www.elsewhere.org.", "A", "192.0.2.1")), 400, "invalid_recordset_location");
        ErrorAssert.IsSchemaError(await CreateAsync(id, TestData.RecordSetBody("www", "A", "192.0.2.1")), "format", "name");
        ErrorAssert.IsSchemaError(await CreateAsync(id, TestData.RecordSetBody("_sip." + name, "SRV", "1 1 1 a.example.org.")), "format", "name");
        var longName = string.Join('.', Enumerable.Repeat(new string('a', 63), 4)) + "." + name;
        ErrorAssert.Is(await CreateAsync(id, TestData.RecordSetBody(longName, "A", "192.0.2.1")), 400, "invalid_recordset_name");
        Assert.Equal(202, (await CreateAsync(id, TestData.RecordSetBody("*." + name, "A", "192.0.2.1"))).Code);
    }

    [Fact]
    public async Task Cname_is_alone_at_its_name_and_never_at_the_apex()
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        ErrorAssert.Is(await CreateAsync(id, TestData.RecordSetBody(name, "CNAME", "x.example.org.")), 400, "invalid_recordset_location");
        ErrorAssert.Is(await CreateAsync(id, TestData.RecordSetBody("two." + name, "CNAME", "a.example.org.", "b.example.org.")), 400, "bad_request");

        Assert.Equal(202, (await CreateAsync(id, TestData.RecordSetBody("alias." + name, "CNAME", "x.example.org."))).Code);
        ErrorAssert.Is(await CreateAsync(id, TestData.RecordSetBody("alias." + name, "TXT", "hello")), 400, "invalid_recordset_location");

        Assert.Equal(202, (await CreateAsync(id, TestData.RecordSetBody("host." + name, "A", "192.0.2.1"))).Code);
        ErrorAssert.Is(await CreateAsync(id, TestData.RecordSetBody("HOST." + name, "CNAME", "x.example.org.")), 400, "invalid_recordset_location");
    }

    [Fact]
    public async Task Duplicates_conflict_and_types_and_ttls_are_checked()
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        Assert.Equal(202, (await CreateAsync(id, TestData.RecordSetBody("dup." + name, "A", "192.0.2.1"))).Code);
        ErrorAssert.Is(await CreateAsync(id, TestData.RecordSetBody("DUP." + name, "A", "192.0.2.9")), 409, "duplicate_recordset");
        ErrorAssert.IsSchemaError(await CreateAsync(id, TestData.RecordSetBody("t." + name, "BOGUS", "x")), "enum", "type");
        ErrorAssert.Is(await CreateAsync(id, TestData.RecordSetBody(name, "SOA", "a. b. 1 2 3 4 5")), 400, "bad_request");
        ErrorAssert.IsSchemaError(await CreateAsync(id, $$"""{"name": "t.{{name}}", "type": "A", "records": ["192.0.2.1"], "ttl": -5}"""), "minimum", "ttl");
        ErrorAssert.IsSchemaError(await CreateAsync(id, $$"""{"name": "t.{{name}}", "type": "A", "records": "192.0.2.1"}"""), "type", "records");
        ErrorAssert.IsSchemaError(await CreateAsync(id, $$"""{"name": "t.{{name}}", "records": ["192.0.2.1"]}"""), "required", "type");
        ErrorAssert.Is(await CreateAsync(id, $$"""{"name": "t.{{name}}", "type": "A", "extra": 1}"""), 400, "invalid_object");
        ErrorAssert.Is(await CreateAsync(Guid.NewGuid().ToString(), TestData.RecordSetBody("x." + name, "A", "192.0.2.1")), 404, "zone_not_found");
    }

    [Fact]
    public async Task Failed_write_leaves_serial_and_records_untouched()
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        var serial = (await _client.GetAsync($"/v2/zones/{id}")).Json.GetProperty("serial").GetInt64();
        ErrorAssert.IsSchemaError(await CreateAsync(id, TestData.RecordSetBody("bad." + name, "A", "192.0.2.1", "nope")), "format", "records", 1);
        Assert.Equal(serial, (await _client.GetAsync($"/v2/zones/{id}")).Json.GetProperty("serial").GetInt64());
        Assert.Equal(0, (await _client.GetAsync($"/v2/zones/{id}/recordsets?name=bad.{name}")).Json.GetProperty("metadata").GetProperty("total_count").GetInt64());
    }

    [Fact]
    public async Task Put_replaces_records_and_delete_answers_with_the_body()
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        var created = await CreateAsync(id, TestData.RecordSetBody("web." + name, "A", "192.0.2.1", "192.0.2.2"));
        var path = new Uri(created.Location!).PathAndQuery;
        await TestData.WaitForStatusAsync(_client, path, "ACTIVE");

        var serialBefore = (await _client.GetAsync($"/v2/zones/{id}")).Json.GetProperty("serial").GetInt64();
        var updated = await _client.PutAsync(path, """{"records": ["192.0.2.2", "192.0.2.3"], "ttl": 300, "description": "web"}""");
        Assert.Equal(202, updated.Code);
        Assert.Equal("PENDING", updated.Str("status"));
        Assert.Equal("UPDATE", updated.Str("action"));
        Assert.Equal(["192.0.2.2", "192.0.2.3"], TestData.Strings(updated.Json.GetProperty("records")).Order().ToArray());
        Assert.Equal(300, updated.Json.GetProperty("ttl").GetInt32());

        var shown = await TestData.WaitForStatusAsync(_client, path, "ACTIVE");
        Assert.Equal(["192.0.2.2", "192.0.2.3"], TestData.Strings(shown.Json.GetProperty("records")).Order().ToArray());
        Assert.Equal("web", shown.Str("description"));

        ErrorAssert.Is(await _client.PutAsync(path, """{"name": "other.test."}"""), 400, "invalid_object");
        ErrorAssert.IsSchemaError(await _client.PutAsync(path, """{"records": ["x"]}"""), "format", "records", 0);

        var serialAfterPut = (await _client.GetAsync($"/v2/zones/{id}")).Json.GetProperty("serial").GetInt64();
        Assert.True(serialAfterPut > serialBefore);

        var deleted = await _client.DeleteAsync(path);
        Assert.Equal(202, deleted.Code);
        Assert.True((await _client.GetAsync($"/v2/zones/{id}")).Json.GetProperty("serial").GetInt64() > serialAfterPut);
        Assert.Equal("DELETE", deleted.Str("action"));
        Assert.Equal("PENDING", deleted.Str("status"));
        ErrorAssert.Is(await _client.GetAsync(path), 404, "recordset_not_found");
        ErrorAssert.Is(await _client.DeleteAsync(path), 404, "recordset_not_found");
    }

    [Fact]
    public async Task Managed_records_need_the_edit_flag_and_soa_and_apex_ns_stay_locked()
    {
        var (id, _) = await TestData.CreateZoneAsync(_client);
        var sets = (await _client.GetAsync($"/v2/zones/{id}/recordsets")).Json.GetProperty("recordsets").EnumerateArray().ToList();
        var soa = sets.Single(s => s.GetProperty("type").GetString() == "SOA").GetProperty("id").GetString();
        var ns = sets.Single(s => s.GetProperty("type").GetString() == "NS").GetProperty("id").GetString();

        ErrorAssert.Is(await _client.DeleteAsync($"/v2/zones/{id}/recordsets/{soa}"), 400, "bad_request");
        ErrorAssert.Is(await _client.PutAsync($"/v2/zones/{id}/recordsets/{soa}", """{"ttl": 60}"""), 400, "bad_request");
        ErrorAssert.Is(await _client.DeleteAsync($"/v2/zones/{id}/recordsets/{ns}"), 400, "bad_request");
        _client.Headers["X-Designate-Edit-Managed-Records"] = "true";
        ErrorAssert.Is(await _client.PutAsync($"/v2/zones/{id}/recordsets/{ns}", """{"records": ["ns9.example.net."]}"""), 400, "bad_request");
        Assert.Equal(202, (await _client.DeleteAsync($"/v2/zones/{id}/recordsets/{ns}")).Code);
    }

    [Fact]
    public async Task Record_sets_of_another_zone_or_project_are_not_found()
    {
        var (zoneA, nameA) = await TestData.CreateZoneAsync(_client);
        var (zoneB, _) = await TestData.CreateZoneAsync(_client);
        var created = await CreateAsync(zoneA, TestData.RecordSetBody("x." + nameA, "A", "192.0.2.1"));
        var setId = created.Str("id");
        ErrorAssert.Is(await _client.GetAsync($"/v2/zones/{zoneB}/recordsets/{setId}"), 404, "recordset_not_found");
        ErrorAssert.Is(await _client.GetAsync($"/v2/zones/{zoneA}/recordsets/not-a-uuid"), 400, "invalid_uuid");

        var stranger = host.Client(project: "other-" + Guid.NewGuid().ToString("N")[..8]);
        ErrorAssert.Is(await stranger.GetAsync($"/v2/zones/{zoneA}/recordsets/{setId}"), 404, "zone_not_found");
        ErrorAssert.Is(await stranger.GetAsync($"/v2/recordsets/{setId}"), 404, "recordset_not_found");
        ErrorAssert.Is(await stranger.PostAsync($"/v2/zones/{zoneA}/recordsets", TestData.RecordSetBody("y." + nameA, "A", "192.0.2.1")), 404, "zone_not_found");
    }

    [Fact]
    public async Task Record_set_in_a_child_zone_belongs_there()
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        await TestData.CreateZoneAsync(_client, "child." + name);
        ErrorAssert.Is(await CreateAsync(id, TestData.RecordSetBody("www.child." + name, "A", "192.0.2.1")), 400, "invalid_recordset_location");
        Assert.Equal(202, (await CreateAsync(id, TestData.RecordSetBody("child." + name, "NS", "ns1.example.net."))).Code);
    }

    [Fact]
    public async Task Cross_zone_list_filters_and_short_url_redirects()
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        var created = await CreateAsync(id, TestData.RecordSetBody("mail." + name, "MX", "10 mx.example.org."));
        var all = await _client.GetAsync($"/v2/recordsets?type=MX&name=*{name}");
        var sets = all.Json.GetProperty("recordsets");
        Assert.Equal(1, sets.GetArrayLength());
        Assert.Equal(created.Location, sets[0].GetProperty("links").GetProperty("self").GetString());
        ErrorAssert.Is(await _client.GetAsync("/v2/recordsets?zone_id=" + id), 400, "bad_request");

        var redirect = await _client.GetAsync($"/v2/recordsets/{created.Str("id")}");
        Assert.Equal(301, redirect.Code);
        Assert.Equal(created.Location, redirect.Location);
    }
}
