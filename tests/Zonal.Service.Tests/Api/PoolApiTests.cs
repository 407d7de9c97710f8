using Zonal.Hosting;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api;

public sealed class PoolApiSqliteTests(SqliteApiHost host) : PoolApiTests<SqliteApiHost>(host);

public sealed class PoolApiPostgresTests(PostgresApiHost host) : PoolApiTests<PostgresApiHost>(host);

/// <summary>/v2/pools as db-sync leaves it: the default pool, its NS records from config.</summary>
public abstract class PoolApiTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private const string DefaultPoolId = "794ccc2c-d751-44fe-b57f-8894c9f5c842";

    [Fact]
    public async Task The_default_pool_exists_after_db_sync_with_the_configured_ns_records()
    {
        var response = await host.Client().GetAsync("/v2/pools");
        Assert.Equal(200, response.Code);
        var pools = response.Json.GetProperty("pools");
        var pool = Assert.Single(pools.EnumerateArray());
        Assert.Equal(DefaultPoolId, pool.GetProperty("id").GetString());
        Assert.Equal("default", pool.GetProperty("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, pool.GetProperty("attributes").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, pool.GetProperty("project_id").ValueKind);
        var ns = pool.GetProperty("ns_records");
        Assert.Equal("ns1.example.net.", ns[0].GetProperty("hostname").GetString());
        Assert.Equal(2, ns[1].GetProperty("priority").GetInt32());
        Assert.EndsWith($"/v2/pools/{DefaultPoolId}", pool.GetProperty("links").GetProperty("self").GetString());
        Assert.EndsWith("/v2/pools", response.Json.GetProperty("links").GetProperty("self").GetString());
        Assert.False(response.Json.TryGetProperty("metadata", out _));
        Assert.False(pool.TryGetProperty("targets", out _));

        var one = await host.Client().GetAsync($"/v2/pools/{DefaultPoolId}");
        Assert.Equal(200, one.Code);
        Assert.Equal("default", one.Str("name"));
    }

    [Fact]
    public async Task Pools_are_admin_only_and_unknown_ids_are_404()
    {
        ErrorAssert.Is(await host.Client(roles: "member").GetAsync("/v2/pools"), 403, "forbidden");
        ErrorAssert.Is(await host.Client(roles: "reader").GetAsync($"/v2/pools/{DefaultPoolId}"), 403, "forbidden");
        ErrorAssert.Is(await host.Client().GetAsync($"/v2/pools/{Guid.NewGuid()}"), 404, "pool_not_found");
        ErrorAssert.Is(await host.Client().GetAsync("/v2/pools/not-a-uuid"), 400, "invalid_uuid");
    }
}

public sealed class PoolUpdateSqliteTests(SqliteApiHost host) : PoolUpdateTests<SqliteApiHost>(host);

public sealed class PoolUpdatePostgresTests(PostgresApiHost host) : PoolUpdateTests<PostgresApiHost>(host);

/// <summary>`zonal manage pool-update --file` against the service's database, read back through /v2/pools.</summary>
public abstract class PoolUpdateTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private const string PoolsYaml = """
        - name: default
          id: 794ccc2c-d751-44fe-b57f-8894c9f5c842
          description: Default BIND Pool
          attributes:
            internal: "true"
          ns_records:
            - hostname: ns2.pool.example.
              priority: 2
            - hostname: ns1.pool.example.
              priority: 1
          nameservers:
            - host: 127.0.0.1
              port: 53
          targets:
            - type: bind9
              description: BIND9 Server 1
              masters:
                - host: 127.0.0.1
                  port: 5354
              options:
                host: 127.0.0.1
                port: 53
                rndc_host: 127.0.0.1
                rndc_port: 953
          also_notifies:
            - host: 192.0.2.4
              port: 53
          catalog_zone:
            catalog_zone_fqdn: cat.example.
        - name: second
          description: Another pool
          ns_records:
            - hostname: ns.second.example.
              priority: 1
        """;

    private async Task<int> RunAsync(string yaml, params string[] extra)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, yaml);
            return await ManageCommand.RunAsync(["pool-update", "--file", file, "--database", host.Database, .. extra]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Pool_update_loads_designate_pools_yaml_and_new_zones_use_the_stored_ns_records()
    {
        Assert.Equal(0, await RunAsync(PoolsYaml));
        Assert.Equal(0, await RunAsync(PoolsYaml));

        var pools = (await host.Client().GetAsync("/v2/pools")).Json.GetProperty("pools").EnumerateArray().ToList();
        Assert.Equal(2, pools.Count);
        var main = pools.Single(p => p.GetProperty("name").GetString() == "default");
        Assert.Equal("794ccc2c-d751-44fe-b57f-8894c9f5c842", main.GetProperty("id").GetString());
        Assert.Equal("Default BIND Pool", main.GetProperty("description").GetString());
        Assert.Equal("true", main.GetProperty("attributes").GetProperty("internal").GetString());
        var ns = main.GetProperty("ns_records");
        Assert.Equal("ns1.pool.example.", ns[0].GetProperty("hostname").GetString());
        Assert.Equal("ns2.pool.example.", ns[1].GetProperty("hostname").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, main.GetProperty("updated_at").ValueKind);
        var second = pools.Single(p => p.GetProperty("name").GetString() == "second");
        Assert.Equal(200, (await host.Client().GetAsync($"/v2/pools/{second.GetProperty("id").GetString()}")).Code);
        var keyName = "pool-key-" + Guid.NewGuid().ToString("N")[..8];
        var key = await host.Client().PostAsync("/v2/tsigkeys", $$"""{"name": "{{keyName}}", "algorithm": "hmac-sha256", "secret": "c2VjcmV0", "scope": "POOL", "resource_id": "{{second.GetProperty("id").GetString()}}"}""");
        Assert.Equal(201, key.Code);

        var stored = await host.QueryAsync(db => Task.FromResult(db.Pools.Single(p => p.Name == "default")));
        Assert.Contains("bind9", stored.Targets);
        Assert.Contains("5354", stored.Targets);
        Assert.Contains("192.0.2.4", stored.AlsoNotifies);
        // catalog_zone made one CATALOG zone in the pool, however often the file is loaded, closed to the API.
        var catalog = await host.QueryAsync(db => Task.FromResult(db.Zones.Where(z => z.Type == "CATALOG" && z.DeletedAt == null).ToList()));
        Assert.Equal(("cat.example.", stored.Id, 60), (Assert.Single(catalog).Name, catalog[0].PoolId, catalog[0].Refresh));
        var admin = host.Client(roles: "admin");
        admin.Headers["X-Auth-All-Projects"] = "true";
        Assert.Equal(403, (await admin.GetAsync($"/v2/zones/{catalog[0].Id}")).Code);

        var client = host.Client("project-" + Guid.NewGuid().ToString("N")[..8]);
        var (zoneId, _) = await TestData.CreateZoneAsync(client);
        var sets = (await client.GetAsync($"/v2/zones/{zoneId}/recordsets")).Json.GetProperty("recordsets").EnumerateArray().ToList();
        var nsSet = sets.Single(s => s.GetProperty("type").GetString() == "NS");
        Assert.Equal(["ns1.pool.example.", "ns2.pool.example."], TestData.Strings(nsSet.GetProperty("records")).Order().ToArray());
        var soa = sets.Single(s => s.GetProperty("type").GetString() == "SOA");
        Assert.StartsWith("ns1.pool.example. ", TestData.Strings(soa.GetProperty("records"))[0]);
        var servers = (await client.GetAsync($"/v2/zones/{zoneId}/nameservers")).Json.GetProperty("nameservers");
        Assert.Equal("ns1.pool.example.", servers[0].GetProperty("hostname").GetString());
    }

    [Fact]
    public async Task Pool_update_with_delete_removes_pools_missing_from_the_file()
    {
        var third = "- name: third\n  ns_records:\n    - hostname: ns.third.example.\n      priority: 1\n";
        Assert.Equal(0, await RunAsync(PoolsYaml + "\n" + third));
        var names = async () => (await host.Client().GetAsync("/v2/pools")).Json.GetProperty("pools").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()!).Order().ToArray();
        Assert.Equal(["default", "second", "third"], await names());

        Assert.Equal(0, await RunAsync(PoolsYaml, "--delete"));
        Assert.Equal(["default", "second"], await names());
    }

    [Fact]
    public async Task Pool_update_rejects_bad_files_and_changes_nothing()
    {
        var before = (await host.Client().GetAsync("/v2/pools")).Text;
        Assert.Equal(1, await RunAsync("- name: broken\n  ns_records:\n    - hostname: not-qualified\n      priority: 1\n"));
        Assert.Equal(1, await RunAsync("- name: broken\n  ns_records:\n    - hostname: ns.broken.example.\n      priority: 20000\n"));
        Assert.Equal(1, await RunAsync("- name: broken\n  ns_records: []\n"));
        Assert.Equal(1, await RunAsync("- name: [unclosed\n"));
        Assert.Equal(0, await RunAsync("- name: dry\n  ns_records:\n    - hostname: ns.dry.example.\n      priority: 1\n", "--dry-run"));
        Assert.Equal(2, await ManageCommand.RunAsync(["pool-update", "--database", host.Database]));
        Assert.Equal(before, (await host.Client().GetAsync("/v2/pools")).Text);
    }
}
