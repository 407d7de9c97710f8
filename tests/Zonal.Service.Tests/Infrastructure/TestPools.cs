using Zonal.Hosting;

namespace Zonal.Service.Tests.Infrastructure;

/// <summary>Extra pools loaded into a host's database the way operators do, with `zonal manage pool-update`.</summary>
public static class TestPools
{
    /// <summary>Adds a pool without targets (its changes are done at once) and returns its id.</summary>
    public static async Task<string> AddAsync(ApiHost host, params string[] nsRecords)
    {
        var id = Guid.NewGuid().ToString();
        await LoadAsync(host, id, nsRecords);
        return id;
    }

    /// <summary>Adds a pool without targets whose pools.yaml entry has this catalog_zone, and returns its id.</summary>
    public static async Task<string> AddWithCatalogAsync(ApiHost host, string catalogFqdn, params string[] nsRecords)
    {
        var id = Guid.NewGuid().ToString();
        await LoadAsync(host, id, nsRecords, $"  catalog_zone:\n    catalog_zone_fqdn: {catalogFqdn}\n");
        return id;
    }

    /// <summary>Creates or rewrites the pool of this id (named after it), without targets, with these ns_records.</summary>
    public static Task LoadAsync(ApiHost host, string id, params string[] nsRecords) => LoadAsync(host, id, nsRecords, "");

    private static async Task LoadAsync(ApiHost host, string id, string[] nsRecords, string extraYaml)
    {
        var yaml = $"- name: p{id[..8]}\n  id: {id}\n  ns_records:\n"
            + string.Concat(nsRecords.Select((ns, i) => $"    - hostname: {ns}\n      priority: {i + 1}\n")) + extraYaml;
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, yaml);
            Assert.Equal(0, await ManageCommand.RunAsync(["pool-update", "--file", file, "--database", host.Database]));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Gives the pool a TSIG key of scope POOL, which a zone needs to be placed there.</summary>
    public static async Task AddKeyAsync(ApiHost host, string poolId)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            name = "pool-key-" + Guid.NewGuid().ToString("N")[..12],
            algorithm = "hmac-sha256",
            secret = "c2VjcmV0",
            scope = "POOL",
            resource_id = poolId,
        });
        var created = await host.Client().PostAsync("/v2/tsigkeys", body);
        Assert.True(created.Code == 201, created.ToString());
    }
}
