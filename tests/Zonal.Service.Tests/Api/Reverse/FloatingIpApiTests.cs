using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zonal.Service.Tests.Compatibility;
using Zonal.Service.Tests.Infrastructure;
using Zonal.Service.Tests.Infrastructure.Neutron;

namespace Zonal.Service.Tests.Api.Reverse;

public sealed class FloatingIpApiSqliteTests(NeutronSqliteApiHost host) : FloatingIpApiTests<NeutronSqliteApiHost>(host);

public sealed class FloatingIpApiPostgresTests(NeutronPostgresApiHost host) : FloatingIpApiTests<NeutronPostgresApiHost>(host);

/// <summary>/v2/reverse/floatingips over real HTTP, with the floating IPs served by a Neutron stand-in.</summary>
public abstract class FloatingIpApiTests<THost>(THost host) : IClassFixture<THost>
    where THost : NeutronApiHost
{
    private const string Region = NeutronApiHost.Region;
    private const string Path = "/v2/reverse/floatingips";
    private readonly string _project = Projects.New("fip");

    private ApiClient Client(string? roles = null) => host.Client(_project, roles);

    /// <summary>An address in a /24 no other test uses, so each test has its own reverse zone.</summary>
    private static string Address(int last = 10) => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{last}";

    private static string ZoneOf(string address)
    {
        var octets = address.Split('.');
        return $"{octets[2]}.{octets[1]}.{octets[0]}.in-addr.arpa.";
    }

    private static string Key(Guid id) => $"{Region}:{id:D}";

    private Task<ApiResponse> SetAsync(Guid id, string body, ApiClient? client = null) => (client ?? Client()).PatchAsync($"{Path}/{Key(id)}", body);

    [Fact]
    public async Task List_shows_every_floating_ip_of_the_project_inactive_until_a_ptr_is_set()
    {
        var first = host.Neutron.Add(_project, Address());
        var second = host.Neutron.Add(_project, Address(20));
        host.Neutron.Add(Projects.New("other"), Address());
        var client = Client();
        client.Headers["X-Auth-Token"] = "token-" + _project;

        var response = await client.GetAsync(Path);

        Assert.True(response.Code == 200, response.ToString());
        var body = response.Json;
        Assert.False(body.TryGetProperty("metadata", out _));
        Assert.EndsWith(Path, body.GetProperty("links").GetProperty("self").GetString());
        var fips = body.GetProperty("floatingips").EnumerateArray().ToList();
        Assert.Equal(new[] { Key(first), Key(second) }.Order(), fips.Select(f => f.Str("id")).Order());
        foreach (var fip in fips)
        {
            Assert.Equal("INACTIVE", fip.Str("status"));
            Assert.Equal("NONE", fip.Str("action"));
            Assert.Equal(JsonValueKind.Null, fip.GetProperty("ptrdname").ValueKind);
            Assert.Equal(JsonValueKind.Null, fip.GetProperty("ttl").ValueKind);
            Assert.EndsWith($"{Path}/{fip.Str("id")}", fip.GetProperty("links").GetProperty("self").GetString());
        }

        Assert.Contains("token-" + _project, host.Neutron.Tokens);
    }

    [Fact]
    public async Task Set_makes_the_reverse_zone_and_a_flagged_ptr_that_goes_active()
    {
        var address = Address(42);
        var id = host.Neutron.Add(_project, address);

        var response = await SetAsync(id, """{"ptrdname": "www.example.org.", "description": "web", "ttl": 600}""");

        Assert.True(response.Code == 202, response.ToString());
        var fip = response.Json;
        Assert.Equal(Key(id), fip.Str("id"));
        Assert.Equal(address, fip.Str("address"));
        Assert.Equal("www.example.org.", fip.Str("ptrdname"));
        Assert.Equal("web", fip.Str("description"));
        Assert.Equal(600, fip.GetProperty("ttl").GetInt32());
        Assert.Equal("PENDING", fip.Str("status"));
        Assert.Equal("CREATE", fip.Str("action"));

        var zone = await host.QueryAsync(db => db.Zones.SingleAsync(z => z.Name == ZoneOf(address) && z.DeletedAt == null));
        Assert.Equal("00000000-0000-0000-0000-000000000000", zone.ProjectId);
        Assert.Equal("hostmaster@example.com", zone.Email);
        var record = await host.QueryAsync(db => db.Records.SingleAsync(r => r.ZoneId == zone.Id && r.Data == "www.example.org."));
        Assert.True(record.Managed);
        Assert.Equal("ptr:floatingip", record.ManagedResourceType);
        Assert.Equal(address, record.ManagedExtra);
        Assert.Equal(_project, record.ManagedTenantId);
        Assert.Equal(id.ToString("D"), record.ManagedResourceId);
        Assert.Equal(Region, record.ManagedResourceRegion);
        var set = await host.QueryAsync(db => db.RecordSets.SingleAsync(s => s.Id == record.RecordSetId));
        Assert.Equal($"42.{ZoneOf(address)}", set.Name);
        Assert.Equal("PTR", set.Type);
        Assert.True(set.Managed);

        var active = await TestData.WaitForStatusAsync(Client(), $"{Path}/{Key(id)}", "ACTIVE");
        Assert.True(active.Str("status") == "ACTIVE", active.ToString());
        Assert.Equal("NONE", active.Str("action"));
        Assert.Equal("www.example.org.", active.Str("ptrdname"));
        var listed = (await Client().GetAsync(Path)).Json.GetProperty("floatingips").EnumerateArray().Single(f => f.Str("id") == Key(id));
        Assert.Equal("www.example.org.", listed.Str("ptrdname"));
        Assert.Equal(600, listed.GetProperty("ttl").GetInt32());
    }

    [Fact]
    public async Task Setting_again_replaces_the_ptr_bumps_the_zone_serial_and_falls_back_to_the_zone_ttl()
    {
        var address = Address();
        var id = host.Neutron.Add(_project, address);
        Assert.Equal(202, (await SetAsync(id, """{"ptrdname": "one.example.org.", "ttl": 300}""")).Code);
        var before = await host.QueryAsync(db => db.Zones.SingleAsync(z => z.Name == ZoneOf(address)));
        int outbox = await host.QueryAsync(db => db.Outbox.CountAsync(o => o.ZoneId == before.Id));

        var response = await SetAsync(id, """{"ptrdname": "two.example.org."}""");

        Assert.True(response.Code == 202, response.ToString());
        Assert.Equal("two.example.org.", response.Str("ptrdname"));
        Assert.Equal(3600, response.Json.GetProperty("ttl").GetInt32());
        var after = await host.QueryAsync(db => db.Zones.SingleAsync(z => z.Id == before.Id));
        Assert.True(after.Serial > before.Serial, $"serial {before.Serial} → {after.Serial}");
        Assert.True(await host.QueryAsync(db => db.Outbox.CountAsync(o => o.ZoneId == before.Id)) > outbox);
        var live = await host.QueryAsync(db => db.Records.Where(r => r.ZoneId == before.Id && r.ManagedExtra == address && r.Action != "DELETE").Select(r => r.Data).ToListAsync());
        Assert.Equal(["two.example.org."], live);
    }

    [Fact]
    public async Task Unset_removes_the_ptr_and_a_second_unset_is_404()
    {
        var address = Address();
        var id = host.Neutron.Add(_project, address);
        Assert.Equal(202, (await SetAsync(id, """{"ptrdname": "gone.example.org."}""")).Code);

        var response = await SetAsync(id, """{"ptrdname": null}""");

        Assert.True(response.Code == 202, response.ToString());
        Assert.Equal("", response.Text);
        var shown = (await Client().GetAsync($"{Path}/{Key(id)}")).Json;
        Assert.Equal("INACTIVE", shown.Str("status"));
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("ptrdname").ValueKind);
        Assert.False(await host.QueryAsync(db => db.RecordSets.AnyAsync(s => s.Name == $"10.{ZoneOf(address)}")));
        ErrorAssert.Is(await SetAsync(id, """{"ptrdname": null}"""), 404, "not_found");
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("RegionOne:not-a-uuid")]
    [InlineData("Region One:0b8c6f1e-6f1b-4c8a-9d55-2a3c1c5e7f10")]
    public async Task A_key_that_is_not_region_colon_uuid_is_400(string key)
    {
        ErrorAssert.Is(await Client().GetAsync($"{Path}/{Uri.EscapeDataString(key)}"), 400, "bad_request");
        ErrorAssert.Is(await Client().PatchAsync($"{Path}/{Uri.EscapeDataString(key)}", """{"ptrdname": "a.example.org."}"""), 400, "bad_request");
    }

    [Fact]
    public async Task Another_projects_floating_ip_is_404()
    {
        var foreign = host.Neutron.Add(Projects.New("other"), Address());
        ErrorAssert.Is(await Client().GetAsync($"{Path}/{Key(foreign)}"), 404, "not_found");
        ErrorAssert.Is(await SetAsync(foreign, """{"ptrdname": "steal.example.org."}"""), 404, "not_found");
        ErrorAssert.Is(await Client().GetAsync($"{Path}/OtherRegion:{foreign:D}"), 403, "no_endpoint");
    }

    [Fact]
    public async Task Bad_fields_are_designate_schema_errors()
    {
        var id = host.Neutron.Add(_project, Address());
        ErrorAssert.IsSchemaError(await SetAsync(id, """{"ptrdname": "no-trailing-dot.example.org"}"""), "format", "ptrdname");
        ErrorAssert.IsSchemaError(await SetAsync(id, """{"ptrdname": "a.example.org.", "ttl": 0}"""), "minimum", "ttl");
        ErrorAssert.IsSchemaError(await SetAsync(id, $$"""{"ptrdname": "a.example.org.", "description": "{{new string('d', 161)}}"}"""), "maxLength", "description");
        ErrorAssert.IsSchemaError(await SetAsync(id, """{"description": "no ptrdname"}"""), "required", "ptrdname");
        ErrorAssert.Is(await SetAsync(id, """{"ptrdname": "a.example.org.", "address": "192.0.2.1"}"""), 400, "invalid_object");
        Assert.False(await host.QueryAsync(db => db.Records.AnyAsync(r => r.ManagedResourceId == id.ToString("D"))));
    }

    [Fact]
    public async Task Owning_the_floating_ip_is_the_only_check_to_set_it_as_in_designate()
    {
        var id = host.Neutron.Add(_project, Address());
        var reader = Client("reader");
        Assert.Equal(200, (await reader.GetAsync(Path)).Code);
        Assert.Equal(200, (await reader.GetAsync($"{Path}/{Key(id)}")).Code);
        Assert.Equal(202, (await SetAsync(id, """{"ptrdname": "r.example.org."}""", reader)).Code);
        Assert.Equal(202, (await SetAsync(id, """{"ptrdname": null}""", reader)).Code);
        Assert.Equal(202, (await SetAsync(id, """{"ptrdname": "m.example.org."}""", Client("member"))).Code);
        ErrorAssert.Is(await SetAsync(id, """{"ptrdname": "x.example.org."}""", host.Client(Projects.New("other"))), 404, "not_found");
        ErrorAssert.Is(await host.Client(_project, "nobody").GetAsync(Path), 403, "forbidden");
    }

    [Fact]
    public async Task A_ptr_whose_floating_ip_moved_to_another_project_is_deleted_when_the_new_owner_lists()
    {
        var address = Address();
        var id = host.Neutron.Add(_project, address);
        Assert.Equal(202, (await SetAsync(id, """{"ptrdname": "old-owner.example.org."}""")).Code);
        var newOwner = Projects.New("new");
        host.Neutron.Move(id, newOwner);

        var listed = (await host.Client(newOwner).GetAsync(Path)).Json.GetProperty("floatingips").EnumerateArray().Single();

        Assert.Equal("INACTIVE", listed.Str("status"));
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("ptrdname").ValueKind);
        Assert.False(await host.QueryAsync(db => db.Records.AnyAsync(r => r.ManagedExtra == address && r.Action != "DELETE")));
        ErrorAssert.Is(await SetAsync(id, """{"ptrdname": null}"""), 404, "not_found");
        Assert.Equal(202, (await SetAsync(id, """{"ptrdname": "new-owner.example.org."}""", host.Client(newOwner))).Code);
    }

    [Fact]
    public async Task A_neutron_that_fails_is_504_neutron_communication_failure()
    {
        host.Neutron.Broken = true;
        try
        {
            ErrorAssert.Is(await Client().GetAsync(Path), 504, "neutron_communication_failure");
        }
        finally
        {
            host.Neutron.Broken = false;
        }
    }
}
